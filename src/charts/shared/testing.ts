/**
 * Test helpers for chart renders: a normalized, readable serialization (numbers to one decimal,
 * one element per line) so that snapshot diffs show what changed in the drawing.
 */
export function normalizeSvg(node: Element): string {
  const out: string[] = [];
  const walk = (n: Element, depth: number) => {
    const attrs = [...n.attributes]
      .map((a) => `${a.name}="${roundNumbers(a.value)}"`)
      .sort()
      .join(' ');
    const pad = '  '.repeat(depth);
    const own = [...n.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent ?? '').join('').trim();
    out.push(`${pad}<${n.tagName}${attrs ? ' ' + attrs : ''}>${own ? ' ' + JSON.stringify(own) : ''}`);
    for (const c of n.children) walk(c, depth + 1);
  };
  walk(node, 0);
  return out.join('\n');
}

export function roundNumbers(s: string): string {
  return s.replace(/-?\d+\.\d+/g, (m) => {
    const v = Math.round(Number(m) * 10) / 10;
    return String(Object.is(v, -0) ? 0 : v);
  });
}
