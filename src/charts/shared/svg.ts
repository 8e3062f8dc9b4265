/** Small SVG helpers: elements made through the given document, text only via textContent. */
import { FONT_STACK } from '../../theme/palette.ts';

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const INK = '#1F2933';
export const MUTED = '#52606D';
export const GRID = '#E4E7EB';

type Attrs = Record<string, string | number | null | undefined>;

/** Coordinates to one decimal: smaller files, stable snapshots. */
export const r1 = (v: number) => Math.round(v * 10) / 10;

export function el<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, parent?: Element): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, typeof v === 'number' ? String(r1(v)) : v);
  if (parent) parent.append(node);
  return node;
}

export function text(doc: Document, content: string, attrs: Attrs = {}, parent?: Element): SVGTextElement {
  const node = el(doc, 'text', attrs, parent);
  node.textContent = content;
  return node;
}

/** Multi-line text: one tspan per line. */
export function lines(doc: Document, content: readonly string[], attrs: Attrs & { x: number; y: number }, lineHeight: number, parent?: Element): SVGTextElement {
  const node = el(doc, 'text', attrs, parent);
  content.forEach((line, i) => {
    const span = el(doc, 'tspan', { x: attrs.x, dy: i === 0 ? 0 : lineHeight }, node);
    span.textContent = line;
  });
  return node;
}

/** A tooltip title for a mark (textContent, never markup). */
export function hint(doc: Document, node: Element, content: string): void {
  const tt = doc.createElementNS(SVG_NS, 'title');
  tt.textContent = content;
  node.prepend(tt);
}

export interface Frame {
  width: number;
  height: number;
  title: string;
  desc: string;
  idPrefix: string;
  chart: string;
}

/** The root <svg>: viewBox, size, role="img", <title> and <desc> referenced by aria-labelledby. */
export function frame(doc: Document, f: Frame): SVGSVGElement {
  const svg = el(doc, 'svg', {
    xmlns: SVG_NS,
    viewBox: `0 0 ${r1(f.width)} ${r1(f.height)}`,
    width: f.width,
    height: f.height,
    role: 'img',
    class: `ca-chart ca-chart-${f.chart}`,
    'font-family': FONT_STACK,
    'font-size': 12,
    fill: INK,
    'aria-labelledby': `${f.idPrefix}-title ${f.idPrefix}-desc`,
  });
  const title = el(doc, 'title', { id: `${f.idPrefix}-title` }, svg);
  title.textContent = f.title;
  const desc = el(doc, 'desc', { id: `${f.idPrefix}-desc` }, svg);
  desc.textContent = f.desc;
  return svg;
}

/** Sets the final height once the content is laid out. */
export function setHeight(svg: SVGSVGElement, width: number, height: number): void {
  svg.setAttribute('viewBox', `0 0 ${r1(width)} ${r1(height)}`);
  svg.setAttribute('height', String(r1(height)));
}

/** Class list for a mark that may be the highlighted one. */
export function markClass(base: string, highlighted: boolean): string {
  return highlighted ? `${base} is-highlighted` : base;
}

export interface LegendItem {
  label: string;
  /** Extra class on the item's group (e.g. legend-sum). */
  key?: string;
  draw(g: SVGGElement, x: number, y: number): void;
}

/** Lays legend items out left to right, wrapping at the chart's width; returns the y of the last line. */
export function flowLegend(doc: Document, g: SVGGElement, items: readonly LegendItem[], pad: number, width: number, y0: number, measureText: (s: string, size: number) => number, font = 11): number {
  let x = pad;
  let y = y0 + 8;
  for (const it of items) {
    const w = 18 + measureText(it.label, font) + 14;
    if (x + w > width - pad && x > pad) {
      x = pad;
      y += 7 + font;
    }
    const ig = el(doc, 'g', { class: it.key ? `legend-item legend-${it.key}` : 'legend-item' }, g) as SVGGElement;
    it.draw(ig, x, y);
    text(doc, it.label, { x: x + 18, y: y + 4 + (font - 11) / 3, 'font-size': font }, ig);
    x += w;
  }
  return y;
}
