/**
 * Cluster ranking: horizontal bars from zero, coloured by region. A threshold is drawn hatched and
 * outlined with an open end (it says "at least"); a range solid to its lower bound and outlined to its
 * upper; an illegible amount and "no figure" are said in words, at the end.
 */
import { color } from 'd3-color';
import { REGION_COLORS } from '../../theme/palette.ts';
import { REGION_IDS } from '../../data/constants.ts';
import { resolveBase, typeOf, type BaseOptions, type ResolvedBase } from '../shared/options.ts';
import { el, text, lines, frame, setHeight, markClass, hint, flowLegend, INK, MUTED, GRID } from '../shared/svg.ts';
import { wrap, measure } from '../shared/layout.ts';
import { zeroScale, xAxis } from '../shared/axis.ts';
import { axisNumber, axisUnit } from '../shared/format.ts';
import { tx, txn } from '../text.ts';
import { describe as describeSeries, title as chartTitle, clusterName, valueText } from './meta.ts';
import type { RankingSeries, RankRow } from './derive.ts';
import type { Lang } from '../../i18n/index.ts';

export interface RankingOptions extends BaseOptions {
  /** List clusters without a figure one per row, or summarise them in one line (default: no wall of empty rows). */
  listNoFigure?: boolean;
  /** Height of a bar's row in px (default 20; 30 when narrow): smaller to fit a short panel, never under 13. */
  rowHeight?: number | null;
  /** Draw only the largest this many bars; one line counts the rest, which the table lists (a short panel). */
  maxBars?: number | null;
}

export const DEFAULTS = { listNoFigure: false } as const;

export function resolveOptions(o: RankingOptions): ResolvedBase & { listNoFigure: boolean } {
  const base = resolveBase('ranking', o);
  const listNoFigure = o.listNoFigure ?? DEFAULTS.listNoFigure;
  if (typeof listNoFigure !== 'boolean') throw new Error('ranking: options.listNoFigure must be true or false');
  return { ...base, listNoFigure };
}

const dark = (c: string) => color(c)?.darker(1.2).formatHex() ?? INK;

export function render(series: RankingSeries, options: RankingOptions, doc: Document): SVGSVGElement {
  const o = resolveOptions(options);
  const { width, lang, idPrefix } = o;
  const { f, lh } = typeOf(o);
  const narrow = width < 480;
  const pad = 12;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix, chart: 'ranking' });

  const regions = REGION_IDS.filter((r) => series.rows.some((x) => x.region === r));
  const defs = el(doc, 'defs', {}, svg);
  for (const r of regions) {
    const p = el(doc, 'pattern', { id: `${idPrefix}-hatch-${r}`, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' }, defs);
    el(doc, 'rect', { width: 6, height: 6, fill: '#FFFFFF' }, p);
    el(doc, 'line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: REGION_COLORS[r], 'stroke-width': 3.5 }, p);
  }

  let y = pad;
  // On a slide the metric and stage are in the chart's subtitle above it.
  for (const l of o.fit ? [] : wrap(tx(lang, 'chart.ranking.heading', { metric: lang === 'zh' ? series.metric.name_zh : series.metric.name_en, stage: tx(lang, `stage.${series.stage}`) }), width - 2 * pad, 13, 3)) {
    text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, svg);
    y += 18;
  }
  const valued = series.rows.filter((r) => r.status === 'value');
  // Without a single figure there are no bars to key: the chart is its one summary line.
  if (valued.length || o.listNoFigure) y = legend(series, regions, o, doc, svg, y + 4, pad);
  const rest = series.rows.filter((r) => r.status !== 'value');
  // On a slide the names get the room they need (to 42% of the width), on two lines where one is not enough.
  const fitW = Math.max(60, ...series.rows.map((r) => Math.min(measure(clusterName(r, lang), f(11)), width * 0.3))) + 14;
  const labelW = o.fit ? Math.min(width * 0.42, fitW) : Math.min(narrow ? width * 0.36 : width * 0.3, narrow ? 130 : 230);
  const nameLines = narrow || o.fit ? 2 : 1;
  // A row is never shorter than its name's lines (two when narrow), whatever height the caller asks for.
  const rowH = Math.max(13, nameLines * lh(11, 12) + 4, options.rowHeight ?? (narrow ? 30 : 20));
  const x0 = pad + labelW;
  const maxLabel = Math.max(40, ...valued.map((r) => measure(valueText(r, lang), f(11))));
  const x1 = width - pad - Math.min(maxLabel + 8, width * 0.32);
  const unit = axisUnit(series.metric.unit, lang);
  if (unit && valued.length) {
    text(doc, tx(lang, 'chart.axis.unit', { unit }), { x: pad, y: y + 12, 'font-size': f(11), fill: MUTED }, svg);
    y += lh(11, 16);
  }
  y += 18;
  const xs = zeroScale(Math.max(0, ...valued.map((r) => r.valueMax ?? r.value ?? 0)), [x0, x1], x1 - x0);
  const drawn = options.maxBars != null ? valued.slice(0, Math.max(1, options.maxBars)) : valued;
  // A slide's rows are as tall as their names (one line or two), and share its stretch.
  const heights = drawn.map((r) => (o.fit ? fitRowHeight(wrap(clusterName(r, lang), labelW - 8, f(11), 2).length, f(11), o.stretch / Math.max(1, drawn.length)) : rowH));
  if (valued.length) xAxis(doc, svg, xs, { top: y, bottom: y + heights.reduce((a, b) => a + b, 0), labelY: y - 5, length: x1 - x0, format: (v) => axisNumber(v, series.metric.unit, lang), font: f(11) });

  const g = el(doc, 'g', { class: 'bars' }, svg);
  const nameOf = (r: RankRow, x: number, yy: number, parent: Element, fill = INK) => {
    const ls = wrap(clusterName(r, lang), labelW - 8, f(11), nameLines);
    lines(doc, ls, { x, y: yy - ((ls.length - 1) * lh(11, 12)) / 2, 'text-anchor': 'end', 'font-size': f(11), fill }, lh(11, 12), parent);
  };
  drawn.forEach((r, i) => {
    const hl = o.highlight != null && (o.highlight === r.clusterId || o.highlight === r.region);
    barRow(doc, g, r, { y, rowH: heights[i]!, x0, xs, hl, idPrefix, lang, font: f(11), fit: o.fit }, nameOf);
    y += heights[i]!;
  });

  if (drawn.length < valued.length) {
    const ls = wrap(txn(lang, 'chart.ranking.moreInTable', valued.length - drawn.length), width - 2 * pad, f(11), 2);
    lines(doc, ls, { x: pad, y: y + lh(11, 14), 'font-size': f(11), 'font-style': 'italic', fill: MUTED, class: 'more-in-table' }, lh(11, 13), g);
    y += 8 + ls.length * lh(11, 13);
  }
  if (rest.length) y = restRows(doc, g, rest, valued.length, o, { x0, rowH, pad, y }, nameOf);
  setHeight(svg, width, o.height ?? y + pad);
  return svg;
}

/** Under a rule: the illegible amounts (and, with listNoFigure, the clusters without a figure) one per row, or a line counting the latter. */
function restRows(doc: Document, g: Element, rest: readonly RankRow[], valued: number, o: ResolvedBase & { listNoFigure: boolean }, at: { x0: number; rowH: number; pad: number; y: number }, nameOf: (r: RankRow, x: number, y: number, parent: Element, fill?: string) => void): number {
  const { lang, width } = o;
  const { f, lh } = typeOf(o);
  const { x0, rowH, pad } = at;
  let y = at.y + 6;
  el(doc, 'line', { x1: pad, x2: width - pad, y1: y, y2: y, stroke: GRID }, g);
  y += 4;
  const noFig = rest.filter((r) => r.status === 'none');
  const rows = o.listNoFigure ? rest : rest.filter((r) => r.status === 'illegible');
  for (const r of rows) {
    const hl = o.highlight != null && (o.highlight === r.clusterId || o.highlight === r.region);
    const row = el(doc, 'g', { class: markClass(`row row-${r.status === 'none' ? 'no-figure' : 'illegible'}`, hl), 'data-cluster': r.clusterId, 'data-region': r.region }, g);
    hint(doc, row, `${clusterName(r, lang)}: ${valueText(r, lang)}`);
    const mid = y + rowH / 2;
    nameOf(r, x0 - 6, mid + 4, row, hl ? INK : MUTED);
    el(doc, 'rect', { x: x0, y: mid - 4, width: 8, height: 8, fill: r.status === 'none' ? '#FFFFFF' : REGION_COLORS[r.region], stroke: dark(REGION_COLORS[r.region]) }, row);
    text(doc, valueText(r, lang), { x: x0 + 14, y: mid + 4, 'font-size': f(11), 'font-style': 'italic', fill: MUTED }, row);
    y += rowH;
  }
  if (!o.listNoFigure && noFig.length) {
    const msg = txn(lang, valued ? 'chart.ranking.noFigureCount' : 'chart.ranking.noneHaveFigure', noFig.length);
    const ls = wrap(msg, width - 2 * pad, f(11), 3);
    lines(doc, ls, { x: pad, y: y + lh(11, 14), 'font-size': f(11), 'font-style': 'italic', fill: MUTED, class: 'no-figure-summary' }, lh(11, 13), g);
    y += 8 + ls.length * lh(11, 13);
  }
  return y;
}

/** A slide's row: a name of `lines` lines with room round it, and its share of the stretch (to 16 px more). */
function fitRowHeight(lines: number, font: number, grow: number): number {
  return Math.max(font + 10, lines * (font + 1) + 6) + Math.min(16, grow);
}

interface RowFrame {
  y: number;
  rowH: number;
  x0: number;
  xs: (v: number) => number;
  hl: boolean;
  idPrefix: string;
  lang: Lang;
  /** The value label's type size. */
  font: number;
  /** Laid out for a slide's room. */
  fit: boolean;
}

/** One cluster's bar: solid from zero, hatched with an open end for a threshold, an outlined upper part for a range, its value after it. */
function barRow(doc: Document, g: Element, r: RankRow, f: RowFrame, nameOf: (r: RankRow, x: number, y: number, parent: Element) => void): void {
  const { y, rowH, x0, xs, hl, idPrefix, lang, font } = f;
  const row = el(doc, 'g', { class: markClass(`row row-${r.shape}`, hl), 'data-cluster': r.clusterId, 'data-region': r.region }, g);
  hint(doc, row, `${clusterName(r, lang)}: ${valueText(r, lang)}`);
  const mid = y + rowH / 2;
  nameOf(r, x0 - 6, mid + 4, row);
  // A slide's taller rows get thicker bars.
  const bh = Math.min(f.fit ? 14 + Math.max(0, rowH - 28) / 2 : 14, rowH - 6);
  const by = mid - bh / 2;
  const fillC = REGION_COLORS[r.region];
  const stroke = hl ? INK : dark(fillC);
  const sw = hl ? 2 : 1;
  const end = xs(r.value!);
  if (r.shape === 'threshold-up' || r.shape === 'threshold-down') {
    el(doc, 'rect', { class: 'bar bar-threshold', x: x0, y: by, width: Math.max(0, end - x0), height: bh, fill: `url(#${idPrefix}-hatch-${r.region})`, stroke, 'stroke-width': sw }, row);
    const d = r.shape === 'threshold-up' ? 1 : -1;
    el(doc, 'path', { class: 'open-end', d: `M${end + 1},${by - 2} L${end + 1 + 5 * d},${mid} L${end + 1},${by + bh + 2}`, fill: 'none', stroke, 'stroke-width': 1.5 }, row);
  } else {
    el(doc, 'rect', { class: `bar bar-${r.shape}`, x: x0, y: by, width: Math.max(0, end - x0), height: bh, fill: fillC, stroke, 'stroke-width': sw }, row);
    if (r.shape === 'range' && r.valueMax != null) el(doc, 'rect', { class: 'bar bar-range-upper', x: end, y: by, width: Math.max(0, xs(r.valueMax) - end), height: bh, fill: 'none', stroke, 'stroke-width': 1, 'stroke-dasharray': '3 2' }, row);
  }
  const labelX = xs(r.valueMax ?? r.value!) + (r.shape === 'threshold-up' ? 10 : 5);
  text(doc, valueText(r, lang), { x: labelX, y: mid + 4, 'font-size': font, class: 'value-label' }, row);
}

function legend(series: RankingSeries, regions: readonly string[], o: ResolvedBase, doc: Document, svg: SVGSVGElement, y0: number, pad: number): number {
  const { lang, width, idPrefix } = o;
  const g = el(doc, 'g', { class: 'legend' }, svg);
  const items: { label: string; draw: (p: Element, x: number, y: number) => void }[] = regions.map((r) => ({
    label: tx(lang, `region.${r}` as 'region.east'),
    draw: (p, x, y) => el(doc, 'rect', { x, y: y - 6, width: 12, height: 12, fill: REGION_COLORS[r as 'east'], stroke: dark(REGION_COLORS[r as 'east']) }, p),
  }));
  const first = regions[0] ?? 'east';
  if (series.rows.some((r) => r.status === 'value' && (r.shape === 'threshold-up' || r.shape === 'threshold-down')))
    items.push({ label: tx(lang, 'chart.legend.thresholdBar'), draw: (p, x, y) => el(doc, 'rect', { x, y: y - 6, width: 12, height: 12, fill: `url(#${idPrefix}-hatch-${first})`, stroke: dark(REGION_COLORS[first as 'east']) }, p) });
  if (series.rows.some((r) => r.shape === 'range')) items.push({ label: tx(lang, 'chart.legend.rangeBar'), draw: (p, x, y) => el(doc, 'rect', { x, y: y - 6, width: 12, height: 12, fill: 'none', stroke: INK, 'stroke-dasharray': '3 2' }, p) });
  const y = flowLegend(doc, g, items, pad, width, y0, measure, typeOf(o).f(11));
  return y + 10;
}
