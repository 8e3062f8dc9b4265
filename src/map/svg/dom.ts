/** The SVG map's elements: made with their attributes, in the map's own document. */
const SVG_NS = 'http://www.w3.org/2000/svg';

export type Attrs = Record<string, string | number>;

/** An SVG element of `doc` with its attributes set in the order given. */
export function svgEl<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}): SVGElementTagNameMap[K] {
  const e = doc.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** A coordinate to a tenth of a px: shorter markup, nothing visible lost. */
export const round = (n: number): number => Math.round(n * 10) / 10;

/** A <title> (the browser's tooltip and the accessible name of what it is in). */
export function titleOf(doc: Document, name: string): SVGTitleElement {
  const t = svgEl(doc, 'title');
  t.textContent = name;
  return t;
}

/** The map's layers, bottom to top. */
export interface SvgLayers {
  svg: SVGSVGElement;
  provinces: SVGGElement;
  lines: SVGGElement;
  labels: SVGGElement;
  inset: SVGGElement;
  sites: SVGGElement;
  marks: SVGGElement;
}

export function createLayers(doc: Document, attrs: Attrs): SvgLayers {
  const layers: SvgLayers = {
    svg: svgEl(doc, 'svg', attrs),
    provinces: svgEl(doc, 'g', { class: 'svg-map-provinces' }),
    lines: svgEl(doc, 'g', { class: 'svg-map-lines', fill: 'none' }),
    labels: svgEl(doc, 'g', { class: 'svg-map-labels' }),
    inset: svgEl(doc, 'g', { class: 'svg-map-inset' }),
    sites: svgEl(doc, 'g', { class: 'svg-map-sites' }),
    marks: svgEl(doc, 'g', { class: 'svg-map-marks' }),
  };
  layers.svg.append(layers.provinces, layers.lines, layers.labels, layers.inset, layers.sites, layers.marks);
  return layers;
}
