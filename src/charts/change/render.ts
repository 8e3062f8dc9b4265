/**
 * Cluster growth: one row per cluster, a dot at its average yearly growth (region colour) from a shared
 * zero line, a hollow ring at the pace its own goal asks, and the years and values it spans; under them,
 * each region's median with the number of clusters behind it.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { REGION_COLORS, MARK_STROKE } from '../../theme/palette.ts';
import { resolveBase, typeOf, type BaseOptions, type ResolvedBase } from '../shared/options.ts';
import { el, text, frame, setHeight, markClass, hint, flowLegend, INK, MUTED, GRID } from '../shared/svg.ts';
import { wrap, measure, fit, tickCount } from '../shared/layout.ts';
import { tx, txn } from '../text.ts';
import { describe as describeSeries, title as chartTitle, rateText, rowName, spanText } from './meta.ts';
import type { ChangeSeries, ChangeRow, RegionGrowth } from './derive.ts';
import { maxOf, minOf } from '../../data/extent.ts';

/** The x layout: label column, plot span and scale, whether the span goes under the name, row heights. */
interface Layout {
  x0: number;
  x1: number;
  xs: ScaleLinear<number, number>;
  labelW: number;
  spanW: number;
  under: boolean;
  rowH: number;
  medianH: number;
}

/** A slide's stretch goes to the rows, to at most this much more each. */
const MAX_GROW = 14;

export function render(series: ChangeSeries, options: BaseOptions, doc: Document): SVGSVGElement {
  const o = resolveBase('change', options);
  const { width, lang, idPrefix } = o;
  const { f } = typeOf(o);
  const pad = 12;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix, chart: 'change' });
  let y = pad;
  const metric = lang === 'zh' ? series.metric.name_zh : series.metric.name_en;
  // On a slide the heading (what is measured, which metric first) goes beside the chart: changeAside.
  for (const l of o.fit && series.rows.length ? [] : wrap(tx(lang, 'chart.change.heading', { metric }), width - 2 * pad, 13, 3)) {
    text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, svg);
    y += 18;
  }
  if (!series.rows.length) {
    for (const l of wrap(tx(lang, 'chart.change.none', { metric }), width - 2 * pad, 12, 4)) {
      text(doc, l, { x: pad, y: y + 16, fill: MUTED }, svg);
      y += 16;
    }
    setHeight(svg, width, y + 16);
    return svg;
  }
  const legend = el(doc, 'g', { class: 'legend' }, svg) as SVGGElement;
  y = flowLegend(doc, legend, [
    { label: tx(lang, 'chart.change.legend.actual'), draw: (g, x, yy) => el(doc, 'circle', { cx: x + 6, cy: yy, r: 5, fill: INK }, g) },
    { label: tx(lang, 'chart.change.legend.planned'), draw: (g, x, yy) => el(doc, 'circle', { cx: x + 6, cy: yy, r: 5, fill: 'none', stroke: MARK_STROKE, 'stroke-width': 1.5 }, g) },
  ], pad, width, y, measure, f(11)) + 16;
  const L = layout(series, o, pad);
  y += 14;
  axis(doc, svg, L, o, y, y + L.rowH * series.rows.length);
  const g = el(doc, 'g', { class: 'rows' }, svg);
  series.rows.forEach((r, i) => clusterRow(doc, g, r, L, o, series, y + i * L.rowH + L.rowH / 2));
  y += L.rowH * series.rows.length + 26;
  text(doc, tx(lang, 'chart.change.byRegion'), { x: pad, y, 'font-size': 12, 'font-weight': 600 }, svg);
  y += 20;
  axis(doc, svg, L, o, y, y + L.medianH * 4);
  series.regions.forEach((m, i) => medianRow(doc, svg, m, L, o, y + i * L.medianH + L.medianH / 2));
  y += L.medianH * 4 + 8;
  setHeight(svg, width, y + pad);
  return svg;
}

/**
 * The site's: name left, plot, the span of years and values in a column at the right (under the name
 * when narrow). A slide's: the span always under the name and the plot to the right edge, with room at
 * its left for a rate's label where a goal's ring sits right of it.
 */
function layout(series: ChangeSeries, o: ResolvedBase, pad: number): Layout {
  const { width } = o;
  const under = o.fit || width < 560;
  const rates = series.rows.flatMap((r) => [r.growth.rate, ...(r.planned ? [r.planned.rate] : [])]).concat(series.regions.flatMap((g) => (g.median == null ? [] : [g.median])));
  const rows = series.rows.length + 4;
  const grow = o.fit ? Math.min(MAX_GROW, o.stretch / rows) : 0;
  const rowH = (o.fit ? 34 : under ? 32 : 22) + grow;
  const medianH = (o.fit ? 24 : 22) + grow;
  if (o.fit) return { ...fitSpan(series, o, pad, rates), under, rowH, medianH };
  const labelW = Math.min(under ? width * 0.4 : width * 0.26, 240);
  const spanW = under ? 0 : Math.min(width * 0.34, 330);
  const x0 = pad + labelW;
  const x1 = width - pad - spanW - 90;
  const start = x0 + goalRoom(series, o);
  const xs = scaleLinear().domain([Math.min(0, ...rates), Math.max(0.01, ...rates)]).range([start, x1]).nice(tickCount(x1 - start) * 2);
  return { x0, x1, xs, labelW, spanW, under, rowH, medianH };
}

/**
 * A slide's x layout: the label column as wide as its names and spans (to 45% of the width), room left
 * of the plot for a rate's label where a goal's ring sits right of its dot, and the plot as wide as the
 * labels right of the rightmost marks allow.
 */
function fitSpan(series: ChangeSeries, o: ResolvedBase, pad: number, rates: readonly number[]): Pick<Layout, 'x0' | 'x1' | 'xs' | 'labelW' | 'spanW'> {
  const { width, lang } = o;
  const { f } = typeOf(o);
  const names = series.rows.flatMap((r) => [measure(rowName(r, lang), f(11)), measure(spanText(r.growth, lang, series, true), f(9))]);
  const labelW = Math.min(width * 0.45, maxOf(names, ...series.regions.map((m) => measure(tx(lang, `region.${m.region}`), f(11)))) + 16);
  const x0 = pad + labelW;
  const left = goalRoom(series, o);
  const lo = Math.min(0, ...rates);
  const hi = scaleLinear().domain([0, Math.max(0.01, ...rates)]).nice(4).domain()[1]!;
  // Each label right of its mark (a value v, w px wide) ends inside the chart: x1 no further right than that allows.
  const labels = [
    ...series.rows.map((r) => ({ v: Math.max(r.growth.rate, r.planned?.rate ?? -Infinity), w: measure(r.planned ? tx(lang, 'chart.change.goalLabel', { rate: rateText(r.planned.rate, lang) }) : rateText(r.growth.rate, lang), f(10)) + 10 })),
    ...series.regions.filter((m) => m.median != null).map((m) => ({ v: Math.max(0, m.median!), w: measure(`${rateText(m.median!, lang)} · ${txn(lang, 'chart.change.clusters', m.clusters)}`, f(10)) + 8 })),
  ];
  const start = x0 + left;
  const right = width - pad;
  const x1 = minOf(labels.filter((l) => l.v > lo).map((l) => start + ((right - l.w - start) * (hi - lo)) / (l.v - lo)), right);
  return { x0, x1, xs: scaleLinear().domain([lo, hi]).range([start, x1]), labelW, spanW: 0 };
}

/** Room left of the plot for a rate's label set left of its dot, where a goal's ring sits right of it (rows with a goal only). */
function goalRoom(series: ChangeSeries, o: ResolvedBase): number {
  const { f } = typeOf(o);
  return maxOf(series.rows.filter((r) => r.planned).map((r) => measure(rateText(Math.min(r.growth.rate, r.planned!.rate), o.lang), f(10)) + 12), 0);
}

/** What a slide shows beside the chart: its heading (what is measured, which metric first). */
export function changeAside(series: ChangeSeries, lang: 'zh' | 'en'): string[] {
  return series.rows.length ? [tx(lang, 'chart.change.heading', { metric: lang === 'zh' ? series.metric.name_zh : series.metric.name_en })] : [];
}

function axis(doc: Document, svg: SVGSVGElement, L: Layout, o: ResolvedBase, top: number, bottom: number): void {
  const { f } = typeOf(o);
  const g = el(doc, 'g', { class: 'axis axis-x' }, svg);
  const [lo, hi] = L.xs.range() as [number, number];
  for (const v of L.xs.ticks(tickCount(hi - lo))) {
    el(doc, 'line', { x1: L.xs(v), x2: L.xs(v), y1: top, y2: bottom, stroke: GRID, 'stroke-width': v === 0 ? 1.5 : 1 }, g);
    text(doc, `${Math.round(v * 100)}%`, { x: L.xs(v), y: top - 5, 'text-anchor': 'middle', 'font-size': f(11), fill: MUTED }, g);
  }
}

/** One cluster: its name (and span), a dot at its rate from zero, a ring at its goal's pace; each rate labelled beside its own mark. */
function clusterRow(doc: Document, g: Element, r: ChangeRow, L: Layout, o: ResolvedBase, series: ChangeSeries, cy: number): void {
  const { lang, width } = o;
  const { f } = typeOf(o);
  const { xs, x0, labelW, under } = L;
  const hl = o.highlight != null && (o.highlight === r.clusterId || o.highlight === r.region);
  const row = el(doc, 'g', { class: markClass('row', hl), 'data-cluster': r.clusterId, 'data-region': r.region }, g);
  hint(doc, row, `${rowName(r, lang)}: ${rateText(r.growth.rate, lang)} ${tx(lang, 'chart.change.perYear')} (${spanText(r.growth, lang, series)})${r.planned ? `; ${tx(lang, 'chart.change.legend.planned')} ${rateText(r.planned.rate, lang)}` : ''}`);
  const nameY = o.fit ? cy - 3 : under ? cy - 2 : cy + 4;
  text(doc, fit(rowName(r, lang), labelW - 8, f(11)), { x: x0 - 8, y: nameY, 'text-anchor': 'end', 'font-size': f(11) }, row);
  if (under) text(doc, fit(spanText(r.growth, lang, series, o.fit), labelW - 8, f(9)), { x: x0 - 8, y: o.fit ? cy + 12 : cy + 10, 'text-anchor': 'end', 'font-size': f(9), fill: MUTED }, row);
  el(doc, 'line', { x1: xs(0), x2: xs(r.growth.rate), y1: cy, y2: cy, stroke: REGION_COLORS[r.region], 'stroke-width': 2 }, row);
  el(doc, 'circle', { class: 'dot', cx: xs(r.growth.rate), cy, r: 5, fill: REGION_COLORS[r.region], stroke: MARK_STROKE, 'stroke-width': 0.8 }, row);
  const actualLabel = rateText(r.growth.rate, lang);
  const goal = r.planned ? tx(lang, 'chart.change.goalLabel', { rate: rateText(r.planned.rate, lang) }) : '';
  const ax = xs(r.growth.rate);
  const px = r.planned ? xs(r.planned.rate) : Infinity;
  // The actual's label right of its dot; where a goal's ring is in the way, left of it (the plot keeps room there).
  const actualEnd = ax + 9 + measure(actualLabel, f(10));
  const leftOfDot = px > ax && px - 7 <= actualEnd;
  text(doc, actualLabel, { x: leftOfDot ? ax - 9 : ax + 9, y: cy + 4, 'font-size': f(10), fill: INK, 'text-anchor': leftOfDot ? 'end' : null }, row);
  if (r.planned) {
    el(doc, 'circle', { class: 'planned', cx: px, cy, r: 5, fill: 'none', stroke: MARK_STROKE, 'stroke-width': 1.5 }, row);
    // The goal's label only where it clears the actual's (on a slide always: right of its ring, or left where the dot is right of it).
    const goalLeft = o.fit && px < ax;
    const clears = leftOfDot || goalLeft ? true : px - 7 > actualEnd;
    if (goalLeft && px - 9 - measure(goal, f(10)) < x0) text(doc, goal, { x: ax + 9 + measure(actualLabel, f(10)) + 8, y: cy + 4, 'font-size': f(10), fill: MUTED }, row);
    else if (o.fit || clears) text(doc, goal, { x: goalLeft ? px - 9 : px + 8, y: cy + 4, 'font-size': f(10), fill: MUTED, 'text-anchor': goalLeft ? 'end' : null }, row);
  }
  if (!under) text(doc, fit(spanText(r.growth, lang, series), L.spanW, f(10)), { x: width - 12 - L.spanW, y: cy + 4, 'font-size': f(10), fill: MUTED }, row);
}

/** One region's median, as a bar from zero, with the clusters behind it. */
function medianRow(doc: Document, svg: SVGSVGElement, m: RegionGrowth, L: Layout, o: ResolvedBase, cy: number): void {
  const { lang } = o;
  const { f } = typeOf(o);
  const { xs, x0 } = L;
  const row = el(doc, 'g', { class: 'row row-region', 'data-region': m.region }, svg);
  text(doc, tx(lang, `region.${m.region}`), { x: x0 - 8, y: cy + 4, 'text-anchor': 'end', 'font-size': f(11) }, row);
  if (m.median == null) {
    text(doc, tx(lang, 'chart.change.noRate'), { x: xs(0) + 6, y: cy + 4, 'font-size': f(10), fill: MUTED }, row);
    return;
  }
  el(doc, 'rect', { x: Math.min(xs(0), xs(m.median)), y: cy - 7, width: Math.max(1, Math.abs(xs(m.median) - xs(0))), height: 14, fill: REGION_COLORS[m.region] }, row);
  text(doc, `${rateText(m.median, lang)} · ${txn(lang, 'chart.change.clusters', m.clusters)}`, { x: xs(Math.max(0, m.median)) + 6, y: cy + 4, 'font-size': f(10), fill: INK }, row);
}
