/** Layout without a browser: estimated text widths, wrapping, tick counts by width. */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Estimated advance of a string at a font size: CJK full width, Latin about 0.56 em. */
export function measure(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) {
    if (WIDE.test(ch)) w += 1;
    else if (/[A-Z]/.test(ch)) w += 0.66;
    else if (/[0-9]/.test(ch)) w += 0.58;
    else if (/[\s.,:;'|il!()[\]]/.test(ch)) w += 0.3;
    else w += 0.54;
  }
  return w * fontSize;
}

/** Splits into tokens that may not be broken: words for Latin, single characters for CJK. */
function tokens(s: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of s) {
    if (WIDE.test(ch)) {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else if (ch === ' ') {
      out.push(word + ' ');
      word = '';
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

/** Wraps text to lines no wider than maxWidth; the last allowed line ends in an ellipsis when cut. */
export function wrap(s: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const out: string[] = [];
  let line = '';
  for (const tok of tokens(s)) {
    if (line && measure((line + tok).trimEnd(), fontSize) > maxWidth) {
      out.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) out.push(line.trimEnd());
  if (out.length <= maxLines) return out;
  const kept = out.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 1 && measure(last + '\u2026', fontSize) > maxWidth) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = last.trimEnd() + '\u2026';
  return kept;
}

/** A single line cut to fit with an ellipsis. */
export function fit(s: string, maxWidth: number, fontSize: number): string {
  return wrap(s, maxWidth, fontSize, 1)[0] ?? '';
}

/** How many ticks an axis of this length can carry legibly. */
export function tickCount(length: number, spacing = 80): number {
  return Math.max(2, Math.min(10, Math.floor(length / spacing)));
}

/** Pushes label positions apart to at least gap, keeping their order (for direct line labels). */
export function spread(ys: readonly number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const pos = order.map((o) => o.y);
  for (let k = 1; k < pos.length; k++) pos[k] = Math.max(pos[k]!, pos[k - 1]! + gap);
  const overflow = (pos[pos.length - 1] ?? 0) - max;
  if (overflow > 0) for (let k = 0; k < pos.length; k++) pos[k] = pos[k]! - overflow;
  for (let k = 0; k < pos.length; k++) pos[k] = Math.max(pos[k]!, min + k * gap);
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = pos[k]!));
  return out;
}
