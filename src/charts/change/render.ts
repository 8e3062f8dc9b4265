/**
 * Cluster growth: one row per cluster, a dot at its average yearly growth (region colour) from a shared
 * zero line, a hollow ring at the pace its own goal asks, and the years and values it spans; under them,
 * each region's median with the number of clusters behind it.
 */
import { scaleLinear } from 'd3-scale';
import { REGION_COLORS, MARK_STROKE } from '../../theme/palette.ts';
import { resolveBase, type BaseOptions } from '../shared/options.ts';
import { el, text, frame, setHeight, markClass, hint, flowLegend, INK, MUTED, GRID } from '../shared/svg.ts';
import { wrap, measure, fit, tickCount } from '../shared/layout.ts';
import { tx, txn } from '../text.ts';
import { describe as describeSeries, title as chartTitle, rateText, rowName, spanText } from './meta.ts';
import type { ChangeSeries } from './derive.ts';

export function render(series: ChangeSeries, options: BaseOptions, doc: Document): SVGSVGElement {
  const o = resolveBase('change', options);
  const { width, lang, idPrefix } = o;
  const pad = 12;
  const narrow = width < 560;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix, chart: 'change' });
  let y = pad;
  const metric = lang === 'zh' ? series.metric.name_zh : series.metric.name_en;
  for (const l of wrap(tx(lang, 'chart.change.heading', { metric }), width - 2 * pad, 13, 3)) {
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
  ], pad, width, y, measure) + 16;

  const labelW = Math.min(narrow ? width * 0.4 : width * 0.26, 240);
  const spanW = narrow ? 0 : Math.min(width * 0.34, 330);
  const x0 = pad + labelW, x1 = width - pad - spanW - 90;
  const rates = series.rows.flatMap((r) => [r.growth.rate, ...(r.planned ? [r.planned.rate] : [])]).concat(series.regions.flatMap((g) => (g.median == null ? [] : [g.median])));
  const xs = scaleLinear().domain([Math.min(0, ...rates), Math.max(0.01, ...rates)]).range([x0, x1]).nice(tickCount(x1 - x0) * 2);
  const rowH = narrow ? 32 : 22;
  const axis = (top: number, bottom: number) => {
    const g = el(doc, 'g', { class: 'axis axis-x' }, svg);
    for (const v of xs.ticks(tickCount(x1 - x0))) {
      el(doc, 'line', { x1: xs(v), x2: xs(v), y1: top, y2: bottom, stroke: GRID, 'stroke-width': v === 0 ? 1.5 : 1 }, g);
      text(doc, `${Math.round(v * 100)}%`, { x: xs(v), y: top - 5, 'text-anchor': 'middle', 'font-size': 11, fill: MUTED }, g);
    }
  };
  y += 14;
  axis(y, y + rowH * series.rows.length);
  const g = el(doc, 'g', { class: 'rows' }, svg);
  series.rows.forEach((r, i) => {
    const cy = y + i * rowH + rowH / 2;
    const hl = o.highlight != null && (o.highlight === r.clusterId || o.highlight === r.region);
    const row = el(doc, 'g', { class: markClass('row', hl), 'data-cluster': r.clusterId, 'data-region': r.region }, g);
    hint(doc, row, `${rowName(r, lang)}: ${rateText(r.growth.rate, lang)} ${tx(lang, 'chart.change.perYear')} (${spanText(r.growth, lang, series)})${r.planned ? `; ${tx(lang, 'chart.change.legend.planned')} ${rateText(r.planned.rate, lang)}` : ''}`);
    text(doc, fit(rowName(r, lang), labelW - 8, 11), { x: x0 - 8, y: narrow ? cy - 2 : cy + 4, 'text-anchor': 'end', 'font-size': 11 }, row);
    if (narrow) text(doc, fit(spanText(r.growth, lang, series), labelW - 8, 9), { x: x0 - 8, y: cy + 10, 'text-anchor': 'end', 'font-size': 9, fill: MUTED }, row);
    el(doc, 'line', { x1: xs(0), x2: xs(r.growth.rate), y1: cy, y2: cy, stroke: REGION_COLORS[r.region], 'stroke-width': 2 }, row);
    el(doc, 'circle', { class: 'dot', cx: xs(r.growth.rate), cy, r: 5, fill: REGION_COLORS[r.region], stroke: MARK_STROKE, 'stroke-width': 0.8 }, row);
    // Each rate is labelled beside its own mark; the goal's label only where it clears the actual's.
    const actualLabel = rateText(r.growth.rate, lang);
    const actualEnd = xs(r.growth.rate) + 9 + measure(actualLabel, 10);
    text(doc, actualLabel, { x: xs(r.growth.rate) + 9, y: cy + 4, 'font-size': 10, fill: INK }, row);
    if (r.planned) {
      el(doc, 'circle', { class: 'planned', cx: xs(r.planned.rate), cy, r: 5, fill: 'none', stroke: MARK_STROKE, 'stroke-width': 1.5 }, row);
      const goal = tx(lang, 'chart.change.goalLabel', { rate: rateText(r.planned.rate, lang) });
      if (xs(r.planned.rate) - 7 > actualEnd) text(doc, goal, { x: xs(r.planned.rate) + 8, y: cy + 4, 'font-size': 10, fill: MUTED }, row);
    }
    if (!narrow) text(doc, fit(spanText(r.growth, lang, series), spanW, 10), { x: width - pad - spanW, y: cy + 4, 'font-size': 10, fill: MUTED }, row);
  });
  y += rowH * series.rows.length + 26;
  text(doc, tx(lang, 'chart.change.byRegion'), { x: pad, y, 'font-size': 12, 'font-weight': 600 }, svg);
  y += 20;
  axis(y, y + 22 * 4);
  series.regions.forEach((m, i) => {
    const cy = y + i * 22 + 11;
    const row = el(doc, 'g', { class: 'row row-region', 'data-region': m.region }, svg);
    text(doc, tx(lang, `region.${m.region}`), { x: x0 - 8, y: cy + 4, 'text-anchor': 'end', 'font-size': 11 }, row);
    if (m.median == null) {
      text(doc, tx(lang, 'chart.change.noRate'), { x: xs(0) + 6, y: cy + 4, 'font-size': 10, fill: MUTED }, row);
      return;
    }
    el(doc, 'rect', { x: Math.min(xs(0), xs(m.median)), y: cy - 7, width: Math.max(1, Math.abs(xs(m.median) - xs(0))), height: 14, fill: REGION_COLORS[m.region] }, row);
    text(doc, `${rateText(m.median, lang)} · ${txn(lang, 'chart.change.clusters', m.clusters)}`, { x: xs(Math.max(0, m.median)) + 6, y: cy + 4, 'font-size': 10, fill: INK }, row);
  });
  y += 22 * 4 + 8;
  setHeight(svg, width, y + pad);
  return svg;
}
