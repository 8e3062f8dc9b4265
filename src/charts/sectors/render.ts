/** Sector mix: one stacked horizontal bar per region (counts from zero), sector colours in data order. */
import { resolveBase, type BaseOptions, type ResolvedBase } from '../shared/options.ts';
import { el, text, frame, setHeight, markClass, hint, INK, MUTED } from '../shared/svg.ts';
import { measure } from '../shared/layout.ts';
import { zeroScale, xAxis } from '../shared/axis.ts';
import { plainNumber } from '../shared/format.ts';
import { tx } from '../text.ts';
import { describe as describeSeries, title as chartTitle, sectorName } from './meta.ts';
import type { SectorsSeries } from './derive.ts';

export interface SectorsOptions extends BaseOptions {
  /** Show sectors with no cluster in the shown regions in the legend too (default false). */
  showEmptySectors?: boolean;
}

export const DEFAULTS = { showEmptySectors: false } as const;

export function resolveOptions(o: SectorsOptions): ResolvedBase & { showEmptySectors: boolean } {
  const base = resolveBase('sectors', o);
  const showEmptySectors = o.showEmptySectors ?? DEFAULTS.showEmptySectors;
  if (typeof showEmptySectors !== 'boolean') throw new Error('sectors: options.showEmptySectors must be true or false');
  return { ...base, showEmptySectors };
}

/** Dark text on light sector colours, white on dark ones. */
function onColor(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? INK : '#FFFFFF';
}

export function render(series: SectorsSeries, options: SectorsOptions, doc: Document): SVGSVGElement {
  const o = resolveOptions(options);
  const { width, lang } = o;
  const pad = 12;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix: o.idPrefix, chart: 'sectors' });
  let y = pad;

  // Legend: sectors in data order.
  const shown = series.sectors.map((s, i) => ({ s, i })).filter(({ i }) => o.showEmptySectors || series.regions.some((r) => r.counts[i]! > 0));
  const lg = el(doc, 'g', { class: 'legend' }, svg);
  let x = pad;
  y += 8;
  for (const { s } of shown) {
    const label = sectorName(s, lang);
    const w = 18 + measure(label, 11) + 14;
    if (x + w > width - pad && x > pad) {
      x = pad;
      y += 18;
    }
    const ig = el(doc, 'g', { class: 'legend-item', 'data-sector': s.id }, lg);
    el(doc, 'rect', { x, y: y - 6, width: 12, height: 12, fill: s.color }, ig);
    text(doc, label, { x: x + 18, y: y + 4, 'font-size': 11 }, ig);
    x += w;
  }
  y += 34;

  const labelW = Math.min(140, Math.max(48, ...series.regions.map((r) => measure(tx(lang, `region.${r.region}` as 'region.east'), 12) + 12)));
  const x0 = pad + labelW;
  const x1 = width - pad - 30;
  const max = Math.max(0, ...series.regions.map((r) => r.total));
  const xs = zeroScale(max, [x0, x1], x1 - x0);
  const rowH = 34;
  xAxis(doc, svg, xs, { top: y, bottom: y + rowH * series.regions.length, labelY: y - 5, length: x1 - x0, format: (v) => plainNumber(v, lang, 0), integer: true });
  for (const r of series.regions) {
    const hl = o.highlight === r.region;
    const rname = tx(lang, `region.${r.region}` as 'region.east');
    const g = el(doc, 'g', { class: markClass('stack', hl), 'data-region': r.region }, svg);
    text(doc, rname, { x: x0 - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end', 'font-size': 12, 'font-weight': hl ? 700 : 400 }, g);
    let acc = 0;
    series.sectors.forEach((s, i) => {
      const n = r.counts[i]!;
      if (!n) return;
      const xa = xs(acc);
      const xb = xs(acc + n);
      const seg = el(doc, 'rect', { class: 'segment', 'data-sector': s.id, 'data-region': r.region, x: xa, y: y + 6, width: Math.max(0, xb - xa), height: rowH - 12, fill: s.color, stroke: '#FFFFFF', 'stroke-width': 1 }, g);
      hint(doc, seg, `${rname} · ${sectorName(s, lang)}: ${n}`);
      const label = plainNumber(n, lang, 0);
      if (xb - xa >= measure(label, 11) + 6) text(doc, label, { x: (xa + xb) / 2, y: y + rowH / 2 + 4, 'text-anchor': 'middle', 'font-size': 11, fill: onColor(s.color), 'pointer-events': 'none' }, g);
      acc += n;
    });
    if (hl) el(doc, 'rect', { class: 'outline', x: x0, y: y + 5, width: Math.max(0, xs(r.total) - x0), height: rowH - 10, fill: 'none', stroke: INK, 'stroke-width': 2 }, g);
    text(doc, plainNumber(r.total, lang, 0), { x: xs(r.total) + 5, y: y + rowH / 2 + 4, 'font-size': 12, 'font-weight': 600, fill: r.total ? INK : MUTED }, g);
    y += rowH;
  }
  text(doc, tx(lang, 'chart.sectors.axis'), { x: x1, y: y + 14, 'text-anchor': 'end', 'font-size': 11, fill: MUTED }, svg);
  y += 20;
  setHeight(svg, width, o.height ?? y + pad);
  return svg;
}
