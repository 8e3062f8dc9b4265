/**
 * The share image's page (see share.ts): 540 CSS px wide, drawn at 2× (1080 px); title 26 px, subtitle
 * 18 px, source, notes, citation and the site's address 15 px. Text wraps inside the width, Chinese
 * punctuation kept off the start of a line, an address too long for a line broken between characters.
 */
import { t, type Lang } from '../i18n/index.ts';
import { measure, wrap } from '../charts/shared/layout.ts';
import { EXPORT_FONTS, textBlock } from './compose.ts';

const NS = 'http://www.w3.org/2000/svg';
const INK = '#1F2933';
const MUTED = '#52606D';

/** The layout: CSS px at 540 wide, drawn at `density`; type sizes in CSS px (twice that in the image). */
export const SHARE = { width: 540, density: 2, pad: 20, title: 26, subtitle: 18, body: 15, chartText: 15, maxHeight: 1480, mapRatio: 1.6, notes: 2, noteLines: 3, citationLines: 4 } as const;

/** A run of lines in one style; `gap` is the space above it. */
export interface Block {
  lines: string[];
  size: number;
  fill: string;
  weight?: number;
  gap?: number;
}

/** What sits between the head and the foot: an element drawn from its top, and its height. */
export interface ShareBody {
  el: Element;
  height: number;
}

const TEXT_WIDTH = SHARE.width - 2 * SHARE.pad;
/** measure() estimates: a margin so a font wider than the estimate still fits the width. */
const FIT = 0.94;

/** A line too long for the width with no space to break at (a URL): broken between characters. */
function breakLong(line: string, width: number, size: number): string[] {
  if (measure(line, size) <= width) return [line];
  const out: string[] = [];
  let cur = '';
  for (const ch of line) {
    if (cur && measure(cur + ch, size) > width) {
      out.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Closing punctuation (full-width and Latin) that may not start a line, and opening that may not end one. */
const NO_START = /^[\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff09\u300b\u300d\u300f\u3011\u201d\u2019),.;:!?]/u;
const NO_END = /[\uff08\u300a\u300c\u300e\u3010\u201c\u2018(]$/u;

/** Chinese line breaking: a closing mark joins the line before it, an opening mark the line after it. */
function keepMarks(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 1; i < out.length; i++) {
    while (out[i] && NO_START.test(out[i]!)) {
      const [mark] = out[i]!.match(NO_START)!;
      out[i - 1] += mark;
      out[i] = out[i]!.slice(mark.length);
    }
    while (out[i - 1]!.length > 1 && NO_END.test(out[i - 1]!)) {
      out[i] = out[i - 1]!.slice(-1) + out[i];
      out[i - 1] = out[i - 1]!.slice(0, -1);
    }
  }
  return out.filter((l) => l.length > 0);
}

/** Wraps to the text width at `size`; past `maxLines` the last line ends in an ellipsis. */
export function wrapText(s: string, size: number, maxLines: number): string[] {
  const width = TEXT_WIDTH * FIT;
  const all = keepMarks(wrap(s, width, size, Number.MAX_SAFE_INTEGER).flatMap((l) => breakLong(l, width, size)));
  if (all.length <= maxLines) return all;
  const kept = all.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 1 && measure(last + '\u2026', size) > width) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = last.trimEnd() + '\u2026';
  return kept;
}

const lineHeight = (size: number) => Math.round(size * 1.35);

export function blocksHeight(blocks: readonly Block[]): number {
  let h = 0;
  for (const b of blocks) h += (b.gap ?? 0) + b.lines.length * lineHeight(b.size);
  return h;
}

/** Draws blocks from `top` down; returns the y below the last line. */
export function drawBlocks(doc: Document, parent: Element, blocks: readonly Block[], top: number): number {
  let y = top;
  for (const b of blocks) {
    y += b.gap ?? 0;
    const size = b.size;
    const lh = lineHeight(size);
    b.lines.forEach((line, i) => textBlock(doc, parent, [line], SHARE.pad, y + i * lh + size, size, b.fill, b.weight ?? 400));
    y += b.lines.length * lh;
  }
  return y;
}

/** The site's address: the page's without its query on a server; in the offline edition (file://) the citation. */
export function siteAddress(href: string, citation: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return citation;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return citation;
  return url.origin + url.pathname.replace(/(^|\/)(index|embed)\.html$/, '$1');
}

export function headBlocks(title: string, subtitle: string): Block[] {
  return [
    { lines: wrapText(title, SHARE.title, 4), size: SHARE.title, fill: INK, weight: 700 },
    ...(subtitle ? [{ lines: wrapText(subtitle, SHARE.subtitle, 5), size: SHARE.subtitle, fill: MUTED, gap: 4 }] : []),
  ];
}

export interface FootText {
  lang: Lang;
  source: string;
  notes: readonly string[];
  citation: string;
  notice?: string | null;
  address: string;
}

/** Source, the first notes (shortened; how many more there are), citation, notice, and the address last. */
export function footBlocks(f: FootText): Block[] {
  const body = (s: string, maxLines: number, gap = 0): Block => ({ lines: wrapText(s, SHARE.body, maxLines), size: SHARE.body, fill: MUTED, gap });
  const shown = f.notes.slice(0, SHARE.notes);
  const more = f.notes.length - shown.length;
  return [
    ...(f.source ? [body(f.source, 8)] : []),
    ...shown.map((n, i) => body(`\u00b7 ${n}`, SHARE.noteLines, i === 0 ? 6 : 2)),
    ...(more > 0 ? [body(t(f.lang, 'export.share.more', { n: more }), 2, 2)] : []),
    // The offline edition's address is its citation: written once, as the address.
    ...(f.citation && f.citation !== f.address ? [body(f.citation, SHARE.citationLines, 6)] : []),
    ...(f.notice ? [body(f.notice, 4, 6)] : []),
    { lines: wrapText(f.address, SHARE.body, 10), size: SHARE.body, fill: INK, weight: 600, gap: 10 },
  ];
}

/** The share image's SVG: head, body, foot on white, 540 wide; `bodyTop` is where the body starts. */
export function shareFrame(doc: Document, title: string, head: readonly Block[], body: ShareBody, foot: readonly Block[]): { svg: SVGSVGElement; bodyTop: number } {
  const svg = doc.createElementNS(NS, 'svg');
  svg.setAttribute('xmlns', NS);
  svg.setAttribute('font-family', EXPORT_FONTS);
  svg.setAttribute('class', 'share-image');
  const label = doc.createElementNS(NS, 'title');
  label.textContent = title;
  const bg = doc.createElementNS(NS, 'rect');
  bg.setAttribute('fill', '#FFFFFF');
  svg.append(label, bg);
  const bodyTop = drawBlocks(doc, svg, head, SHARE.pad) + 14;
  const g = doc.createElementNS(NS, 'g');
  g.setAttribute('transform', `translate(0 ${bodyTop})`);
  g.append(body.el);
  svg.append(g);
  const end = drawBlocks(doc, svg, foot, bodyTop + body.height + 10);
  const height = Math.ceil(end + SHARE.pad);
  for (const [k, v] of [['width', SHARE.width], ['height', height]] as const) {
    svg.setAttribute(k, String(v));
    bg.setAttribute(k, String(v));
  }
  svg.setAttribute('viewBox', `0 0 ${SHARE.width} ${height}`);
  return { svg, bodyTop };
}
