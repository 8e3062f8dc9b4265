/** Regions compared: two panels of horizontal bars from zero — clusters per region, then the sum. */
import { color } from 'd3-color';
import type { Lang } from '../../i18n/index.ts';
import { formatAmount } from '../../i18n/format.ts';
import { REGION_COLORS } from '../../theme/palette.ts';
import { resolveBase, typeOf, type BaseOptions, type ResolvedBase } from '../shared/options.ts';
import { el, text, lines, frame, setHeight, markClass, hint, INK, MUTED } from '../shared/svg.ts';
import { wrap, measure } from '../shared/layout.ts';
import { zeroScale, xAxis } from '../shared/axis.ts';
import { axisNumber, axisUnit, plainNumber, reasonsText } from '../shared/format.ts';
import { tx, txn } from '../text.ts';
import { describe as describeSeries, title as chartTitle } from './meta.ts';
import type { RegionsSeries, RegionEntry } from './derive.ts';
import { maxOf } from '../../data/extent.ts';

export interface RegionsOptions extends BaseOptions {
  /** Draw the summed-figure panel (default true); false shows the cluster counts only. */
  showSum?: boolean;
}

export const DEFAULTS = { showSum: true } as const;

export function resolveOptions(o: RegionsOptions): ResolvedBase & { showSum: boolean } {
  const base = resolveBase('regions', o);
  const showSum = o.showSum ?? DEFAULTS.showSum;
  if (typeof showSum !== 'boolean') throw new Error('regions: options.showSum must be true or false');
  return { ...base, showSum };
}

export const regionName = (r: string, lang: Lang) => tx(lang, `region.${r}` as 'region.east');
const dark = (c: string) => color(c)?.darker(1.2).formatHex() ?? INK;

/** Row heights (site / as tight as the type allows on a slide); a slide's stretch is spread over the rows, to at most this much more each. */
const ROWS = { official: [30, 24], counts: [26, 22] } as const;
const MAX_GROW = 16;

export function render(series: RegionsSeries, options: RegionsOptions, doc: Document): SVGSVGElement {
  const o = resolveOptions(options);
  const { width, lang } = o;
  const narrow = width < 480;
  const pad = 12;
  const labelW = Math.min(140, Math.max(56, maxOf(series.regions.map((r) => measure(regionName(r.region, lang), 12))) + 12));
  const x0 = pad + labelW;
  // On a slide the value labels get the room they need right of the bars (text never goes inside an outline).
  const valueRoom = o.fit ? Math.min(width * 0.35, maxOf(valueLabels(series, lang).map((l) => measure(l, 12))) + 12) : narrow ? 44 : 64;
  const x1 = width - pad - valueRoom;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix: o.idPrefix, chart: 'regions' });
  const rows = (series.official.byRegion ? 4 : 0) + series.regions.length;
  const grow = o.fit ? Math.min(MAX_GROW, o.stretch / Math.max(1, rows)) : 0;
  let y = pad;

  // Panel 0: the issuer's counts beside the rows found for the same lists.
  if (series.official.byRegion) y = officialPanel(series, o, doc, svg, { y, x0, x1, pad, rowH: ROWS.official[o.fit ? 1 : 0] + grow });
  y = countsPanel(series, o, doc, svg, { y, x0, x1, pad, rowH: ROWS.counts[o.fit ? 1 : 0] + grow });

  // Without any figure for the metric and stage in view, one line says so instead of four empty rows.
  // Each cluster's latest figure (years differ) is never summed: the notes point to the output chart.
  if (o.showSum && series.sum && series.regions.some((r) => r.withFigure)) y = sumPanel(series, o, doc, svg, { y, x0, x1, pad, narrow });
  else if (o.showSum && series.sum) {
    for (const l of wrap(tx(lang, 'chart.regions.noFiguresAtAll', { metric: metricName(series, lang), stage: tx(lang, `stage.${series.stage}`) }), width - 2 * pad, 12, 3)) {
      text(doc, l, { x: pad, y: y + 12, fill: MUTED, 'font-style': 'italic', class: 'no-figures' }, svg);
      y += 16;
    }
    y += 8;
  }

  const height = o.height ?? y + pad;
  setHeight(svg, width, height);
  return svg;
}

/** Panel 1: the clusters in the data, one bar per region. */
function countsPanel(series: RegionsSeries, o: ResolvedBase, doc: Document, svg: SVGSVGElement, box: { y: number; x0: number; x1: number; pad: number; rowH: number }): number {
  const { lang, width } = o;
  const { x0, x1, pad, rowH } = box;
  const { f } = typeOf(o);
  let y = box.y;
  const g1 = el(doc, 'g', { class: 'panel panel-counts' }, svg);
  for (const l of wrap(tx(lang, 'chart.regions.counts'), width - 2 * pad, 13, 2)) {
    text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, g1);
    y += 18;
  }
  y += o.fit ? f(11) + 4 : 16;
  const maxCount = maxOf(series.regions.map((r) => r.clusters));
  const xc = zeroScale(maxCount, [x0, x1], x1 - x0);
  xAxis(doc, g1, xc, { top: y, bottom: y + rowH * 4, labelY: y - 4, length: x1 - x0, format: (v) => plainNumber(v, lang, 0), integer: true, font: f(11) });
  const barH = Math.min(rowH - 8, 28);
  for (const r of series.regions) {
    const hl = o.highlight === r.region;
    const mid = y + rowH / 2;
    text(doc, regionName(r.region, lang), { x: x0 - 8, y: mid + 4, 'text-anchor': 'end', 'font-weight': hl ? 700 : 400 }, g1);
    const bar = el(doc, 'rect', { class: markClass('bar bar-count', hl), 'data-region': r.region, x: x0, y: mid - barH / 2, width: Math.max(0, xc(r.clusters) - x0), height: barH, fill: REGION_COLORS[r.region], stroke: hl ? INK : dark(REGION_COLORS[r.region]), 'stroke-width': hl ? 2 : 0.75 }, g1);
    hint(doc, bar, `${regionName(r.region, lang)}: ${txn(lang, 'chart.regions.countValue', r.clusters)}`);
    text(doc, plainNumber(r.clusters, lang, 0), { x: xc(r.clusters) + 5, y: mid + 4, 'font-size': 12 }, g1);
    y += rowH;
  }
  return y + (o.fit ? 4 : 20);
}

/** The labels drawn right of the bars (the counts panel's and the official panel's). */
function valueLabels(series: RegionsSeries, lang: Lang): string[] {
  const off = series.official;
  const counts = series.regions.map((r) => plainNumber(r.clusters, lang, 0));
  if (!off.byRegion) return counts;
  return [...counts, ...REGION_IDS_OF(series).map((r) => tx(lang, 'chart.regions.foundOf', { found: off.foundByRegion[r], official: off.byRegion![r] }))];
}

function sumPanel(series: RegionsSeries, o: ResolvedBase, doc: Document, svg: SVGSVGElement, box: { y: number; x0: number; x1: number; pad: number; narrow: boolean }): number {
  const { lang, width } = o;
  const { x0, x1, pad } = box;
  const { f, lh } = typeOf(o);
  let y = box.y;
  const g = el(doc, 'g', { class: 'panel panel-sum' }, svg);
  const heading = tx(lang, 'chart.regions.sumHeading', { metric: metricName(series, lang), stage: tx(lang, `stage.${series.stage}`) });
  for (const l of wrap(heading, width - 2 * pad, 13, 3)) {
    text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, g);
    y += 18;
  }
  const unit = axisUnit(series.metric.unit, lang);
  if (unit) {
    text(doc, tx(lang, 'chart.axis.unit', { unit }), { x: pad, y: y + f(11), 'font-size': f(11), fill: MUTED }, g);
    y += lh(11, 16);
  }
  y += 16;
  const anySum = series.regions.some((r) => r.sum != null);
  const max = Math.max(0, ...series.regions.map((r) => r.sum ?? 0));
  const xs = zeroScale(max, [x0, x1], x1 - x0);
  const rowH = 44;
  if (anySum) xAxis(doc, g, xs, { top: y, bottom: y + rowH * 4 - 16, labelY: y - 4, length: x1 - x0, format: (v) => axisNumber(v, series.metric.unit, lang), font: f(11) });
  for (const r of series.regions) {
    const hl = o.highlight === r.region;
    text(doc, regionName(r.region, lang), { x: x0 - 8, y: y + 17, 'text-anchor': 'end', 'font-weight': hl ? 700 : 400 }, g);
    if (r.sum != null) {
      const bar = el(doc, 'rect', { class: markClass('bar bar-sum', hl), 'data-region': r.region, x: x0, y: y + 4, width: Math.max(0, xs(r.sum) - x0), height: 18, fill: REGION_COLORS[r.region], stroke: hl ? INK : dark(REGION_COLORS[r.region]), 'stroke-width': hl ? 2 : 0.75 }, g);
      const value = formatAmount(r.sum, series.metric.unit, lang);
      hint(doc, bar, `${regionName(r.region, lang)}: ${value}`);
      const inside = measure(value, 12) > width - pad - xs(r.sum) - 5;
      text(doc, value, { x: inside ? xs(r.sum) - 5 : xs(r.sum) + 5, y: y + 17, 'text-anchor': inside ? 'end' : null, class: 'value-label' }, g);
    } else {
      const msg = r.withFigure ? tx(lang, 'chart.regions.notComparable') : tx(lang, 'chart.regions.noFigures');
      const t = text(doc, msg, { class: 'not-comparable', 'data-region': r.region, x: x0 + 4, y: y + 17, fill: MUTED, 'font-style': 'italic' }, g);
      if (hl) t.setAttribute('class', 'not-comparable is-highlighted');
    }
    const caption = captionOf(r, lang);
    if (caption) lines(doc, wrap(caption, width - x0 - pad, f(11), 2), { x: x0 + 4, y: y + lh(11, 35), 'font-size': f(11), fill: MUTED }, lh(11, 13), g);
    y += lh(11, rowH) + (caption && measure(caption, f(11)) > width - x0 - pad ? lh(11, 12) : 0);
  }
  return y + 4;
}

function officialPanel(series: RegionsSeries, o: ResolvedBase, doc: Document, svg: SVGSVGElement, box: { y: number; x0: number; x1: number; pad: number; rowH: number }): number {
  const { lang, width } = o;
  const { x0, x1, pad, rowH } = box;
  const off = series.official;
  const counts = off.byRegion!;
  const { f, lh } = typeOf(o);
  let y = box.y;
  const g = el(doc, 'g', { class: 'panel panel-official' }, svg);
  for (const l of wrap(tx(lang, 'chart.regions.official'), width - 2 * pad, 13, 2)) {
    text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, g);
    y += 18;
  }
  y = officialKey(o, doc, g, y, pad);
  const max = Math.max(1, ...REGION_IDS_OF(series).map((r) => Math.max(counts[r], off.foundByRegion[r])));
  const xc = zeroScale(max, [x0, x1], x1 - x0);
  xAxis(doc, g, xc, { top: y, bottom: y + rowH * 4, labelY: y - 4, length: x1 - x0, format: (v) => plainNumber(v, lang, 0), integer: true, font: f(11) });
  const outlineH = Math.min(rowH - 8, 28);
  const foundH = Math.max(6, outlineH - 8);
  for (const r of REGION_IDS_OF(series)) {
    const hl = o.highlight === r;
    const c = REGION_COLORS[r];
    const mid = y + rowH / 2;
    text(doc, regionName(r, lang), { x: x0 - 8, y: mid + 4, 'text-anchor': 'end', 'font-weight': hl ? 700 : 400 }, g);
    const found = off.foundByRegion[r];
    const bar = el(doc, 'rect', { class: markClass('bar bar-found', hl), 'data-region': r, x: x0, y: mid - foundH / 2, width: Math.max(0, xc(found) - x0), height: foundH, fill: c }, g);
    hint(doc, bar, `${regionName(r, lang)}: ${tx(lang, 'chart.regions.foundOf', { found, official: counts[r] })}`);
    el(doc, 'rect', { class: 'bar bar-official', 'data-region': r, x: x0, y: mid - outlineH / 2, width: Math.max(0, xc(counts[r]) - x0), height: outlineH, fill: 'none', stroke: dark(c), 'stroke-width': 1.5 }, g);
    const label = tx(lang, 'chart.regions.foundOf', { found, official: counts[r] });
    const end = Math.max(xc(counts[r]), xc(found));
    // Outside the outline when it fits, otherwise inside its right end.
    const inside = end + 5 + measure(label, 12) > width - pad;
    text(doc, label, { x: inside ? end - 5 : end + 5, y: mid + 4, 'font-size': 12, 'text-anchor': inside ? 'end' : null, class: 'value-label' }, g);
    y += rowH;
  }
  y += 6;
  // On a slide the lists' completeness goes beside the chart (officialAside), where it has the room.
  if (o.fit) return y + 10;
  for (const l of wrap(officialAside(series, lang).join(' '), width - 2 * pad, f(11), 4)) {
    text(doc, l, { x: pad, y: y + f(11), 'font-size': f(11), fill: MUTED }, g);
    y += lh(11, 14);
  }
  return y + 18;
}

/** Key: outline = official, filled = found here; returns the y under it. */
function officialKey(o: ResolvedBase, doc: Document, g: Element, y: number, pad: number): number {
  const { lang } = o;
  const { f, lh } = typeOf(o);
  const ky = y + 6;
  el(doc, 'rect', { x: pad, y: ky, width: 14, height: 10, fill: 'none', stroke: INK, 'stroke-width': 1.2 }, g);
  const k1 = tx(lang, 'chart.regions.key.official');
  text(doc, k1, { x: pad + 18, y: ky + 9 + (f(11) - 11) / 3, 'font-size': f(11) }, g);
  const k2x = pad + 18 + measure(k1, f(11)) + 16;
  el(doc, 'rect', { x: k2x, y: ky, width: 14, height: 10, fill: MUTED }, g);
  text(doc, tx(lang, 'chart.regions.key.found'), { x: k2x + 18, y: ky + 9 + (f(11) - 11) / 3, 'font-size': f(11) }, g);
  return y + lh(11, 34);
}

/** Where the official counts come from and how complete the lists are here (under the panel, or beside the chart on a slide). */
export function officialAside(series: RegionsSeries, lang: Lang): string[] {
  const off = series.official;
  if (!off.byRegion) return [];
  const asOf = off.batches.map((b) => (lang === 'zh' ? b.name_zh : b.name_en)).join(tx(lang, 'chart.list.sep'));
  const why = [
    ...off.batches.map((b) => (lang === 'zh' ? b.completeness_zh : b.completeness_en)),
    off.later.length ? tx(lang, 'chart.regions.later', { batches: off.later.map((b) => (lang === 'zh' ? b.name_zh : b.name_en)).join(tx(lang, 'chart.list.sep')) }) : '',
  ].filter(Boolean).join(' ');
  return [`${tx(lang, 'chart.regions.officialAsOf', { batches: asOf })} ${why}`.trim()];
}

const REGION_IDS_OF = (s: RegionsSeries) => s.regions.map((r) => r.region);

export function metricName(series: RegionsSeries, lang: Lang): string {
  return lang === 'zh' ? series.metric.name_zh : series.metric.name_en;
}

/** "sum of 15 of 26 clusters; left out: 1 illegible" — what the bar stands for. */
export function captionOf(r: RegionEntry, lang: Lang): string {
  const parts: string[] = [];
  if (r.sum != null) parts.push(tx(lang, 'chart.regions.summedOf', { summed: r.summed, clusters: r.clusters }));
  else if (r.withFigure) parts.push(tx(lang, 'chart.regions.withFigureOf', { n: r.withFigure, clusters: r.clusters }));
  if (r.excluded.length) parts.push(tx(lang, 'chart.regions.leftOut', { reasons: reasonsText(r.reasons, lang) }));
  return parts.join(tx(lang, 'chart.list.sep'));
}
