/**
 * Output by region: one bar per region from zero (the sum of the point values found for the year), the
 * clusters counted beside it; under them the sum over the regions beside each official total stated
 * for that year, on the same scale. A region with no figure says so in words.
 */
import { REGION_COLORS, MARK_STROKE } from '../../theme/palette.ts';
import { resolveBase, typeOf, type BaseOptions, type ResolvedBase } from '../shared/options.ts';
import { el, text, lines, frame, setHeight, markClass, INK, MUTED } from '../shared/svg.ts';
import { wrap, measure } from '../shared/layout.ts';
import { zeroScale, xAxis } from '../shared/axis.ts';
import { axisNumber, axisUnit } from '../shared/format.ts';
import { formatAmount } from '../../i18n/format.ts';
import { tx } from '../text.ts';
import { describe as describeSeries, title as chartTitle, heading, countedText, officialLabel, shareText } from './meta.ts';
import type { OutputSeries } from './derive.ts';
import { maxOf } from '../../data/extent.ts';

interface Bar {
  key: string;
  label: string;
  sub: string;
  value: number | null;
  color: string;
  region: string | null;
}

function barsOf(s: OutputSeries, lang: 'zh' | 'en'): Bar[] {
  const regions: Bar[] = s.regions.map((r) => ({ key: r.region, label: tx(lang, `region.${r.region}`), sub: countedText(r.counted, r.clusters, lang), value: r.sum, color: REGION_COLORS[r.region], region: r.region }));
  const found: Bar = { key: 'found', label: tx(lang, 'chart.output.found'), sub: countedText(s.total.counted, s.total.clusters, lang), value: s.total.sum, color: '#7B8794', region: null };
  return [...regions, found];
}

/** Where the bars go: the label column, the bars' span, the row height (a slide's stretched). */
interface Cols {
  x0: number;
  x1: number;
  pad: number;
  labelW: number;
  width: number;
  rowH: number;
}

/** Row heights (site / a slide's, as tight as its type allows); a slide's stretch goes to the rows, to at most this much more each. */
const ROW = { site: 36, fit: 32 } as const;
const MAX_GROW = 16;

/**
 * Each official total beside the sum found, on its own scale (the official total is the full bar): the
 * share of it the figures found account for. Only where both are of one coverage is a share stated (on a
 * slide, beside the chart: shareAside).
 */
function officialBlock(series: OutputSeries, doc: Document, svg: SVGSVGElement, o: ResolvedBase, c: Cols, y0: number): number {
  const { f, lh } = typeOf(o);
  const { lang } = o;
  let y = y0;
  for (const [i, off] of series.official.entries()) {
    const g = el(doc, 'g', { class: 'official', 'data-official': String(i) }, svg);
    const w = c.x1 - c.x0;
    // On a slide the label is centred on the bar, which is centred in its row.
    const top = o.fit ? y + c.rowH / 2 - 13 : y;
    const label = wrap(officialLabel(off, lang), c.labelW - 8, 12, 2);
    lines(doc, label, { x: c.x0 - 8, y: o.fit ? top + 17 - (label.length - 1) * 6.5 : top + 13, 'text-anchor': 'end', 'font-size': 12 }, 13, g);
    el(doc, 'rect', { class: 'bar bar-official', x: c.x0, y: top + 4, width: w, height: 18, fill: '#FFFFFF', stroke: MARK_STROKE, 'stroke-dasharray': '4 3' }, g);
    const found = series.total.sum ?? 0;
    const share = off.figure.value ? Math.min(1, found / off.figure.value) : 0;
    if (found) el(doc, 'rect', { class: 'bar bar-found-share', x: c.x0, y: top + 4, width: Math.max(1, w * share), height: 18, fill: '#7B8794' }, g);
    text(doc, formatAmount(off.figure.value!, series.metric.unit, lang), { x: c.x1 + 5, y: top + 17, 'font-size': f(11) }, g);
    if (o.fit) {
      y += c.rowH;
      continue;
    }
    y += 28;
    for (const l of wrap(shareText(series, off, lang), c.width - c.x0 - c.pad, f(10), 3)) {
      text(doc, l, { x: c.x0, y: y + f(10) - 2, 'font-size': f(10), fill: MUTED }, g);
      y += lh(10, 13);
    }
    y += 10;
  }
  return y;
}

/** What the sums found are of each official total: under its bar, or beside the chart on a slide. */
export function shareAside(series: OutputSeries, lang: 'zh' | 'en'): string[] {
  return series.year == null ? [] : series.official.map((off) => `${officialLabel(off, lang)}${tx(lang, 'chart.colon')}${shareText(series, off, lang)}`);
}

export function render(series: OutputSeries, options: BaseOptions, doc: Document): SVGSVGElement {
  const o = resolveBase('output', options);
  const { width, lang, idPrefix } = o;
  const { f, lh } = typeOf(o);
  const pad = 12;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix, chart: 'output' });
  let y = pad;
  for (const l of wrap(heading(series, lang), width - 2 * pad, 13, 3)) {
    text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, svg);
    y += 18;
  }
  if (series.year == null) {
    text(doc, tx(lang, 'chart.output.none'), { x: pad, y: y + 16, fill: MUTED }, svg);
    setHeight(svg, width, y + 28);
    return svg;
  }
  const bars = barsOf(series, lang);
  const c = columns(series, bars, o, pad);
  // The unit above the axis: on a slide in the row of the axis labels, left of them.
  const unit = axisUnit(series.metric.unit, lang);
  const unitText = unit ? tx(lang, 'chart.axis.unit', { unit }) : '';
  const unitBeside = o.fit && measure(unitText, f(11)) <= c.labelW - 12;
  if (unitText && !unitBeside) {
    text(doc, unitText, { x: pad, y: y + 12, 'font-size': f(11), fill: MUTED }, svg);
    y += lh(11, 16);
  }
  y += 20;
  if (unitBeside) text(doc, unitText, { x: pad, y: y - 5, 'font-size': f(11), fill: MUTED }, svg);
  y = barsBlock(series, bars, doc, svg, o, c, y);
  y = officialBlock(series, doc, svg, o, c, y);
  if (series.official.length === 0) {
    for (const l of wrap(tx(lang, 'chart.output.noOfficial'), width - 2 * pad, f(11), 3)) {
      text(doc, l, { x: pad, y: y + f(11), 'font-size': f(11), fill: MUTED }, svg);
      y += lh(11, 15);
    }
  }
  setHeight(svg, width, y + pad);
  return svg;
}

/** The label column (on a slide as wide as its labels need), the bars' span and the rows' height. */
function columns(series: OutputSeries, bars: readonly Bar[], o: ResolvedBase, pad: number): Cols {
  const { width, lang } = o;
  const { f } = typeOf(o);
  const narrow = width < 480;
  const needed = maxOf(bars.map((b) => Math.max(measure(b.label, 12), measure(b.sub, f(10)))), 0) + 16;
  const labelW = o.fit ? Math.min(width * 0.4, Math.max(needed, width * 0.22)) : Math.min(narrow ? width * 0.38 : width * 0.3, 220);
  const x1 = width - pad - Math.min(maxOf(valueLabels(series, bars, lang).map((l) => measure(l, f(11)))) + 10, width * 0.3);
  const rows = bars.length + (o.fit ? series.official.length : 0);
  const rowH = o.fit ? ROW.fit + Math.min(MAX_GROW, o.stretch / Math.max(1, rows)) : ROW.site;
  return { x0: pad + labelW, x1, pad, labelW, width, rowH };
}

const valueLabels = (series: OutputSeries, bars: readonly Bar[], lang: 'zh' | 'en') => bars.map((b) => (b.value == null ? tx(lang, 'chart.output.noFigure') : formatAmount(b.value, series.metric.unit, lang)));

/** One bar per region and the four regions' sum, with the clusters counted under each name. */
function barsBlock(series: OutputSeries, bars: readonly Bar[], doc: Document, svg: SVGSVGElement, o: ResolvedBase, c: Cols, y: number): number {
  const { lang } = o;
  const { f, lh } = typeOf(o);
  const { x0, x1, rowH, labelW } = c;
  const labels = valueLabels(series, bars, lang);
  const xs = zeroScale(Math.max(0, ...bars.map((b) => b.value ?? 0)), [x0, x1], x1 - x0);
  xAxis(doc, svg, xs, { top: y, bottom: y + rowH * bars.length + 10, labelY: y - 5, length: x1 - x0, format: (v) => axisNumber(v, series.metric.unit, lang), font: f(11) });
  const g = el(doc, 'g', { class: 'bars' }, svg);
  bars.forEach((b, i) => {
    // On a slide the bar is centred in its row, the name above its middle and the count under it.
    const top = y + i * rowH + (i >= series.regions.length ? 10 : 0) + (o.fit ? rowH / 2 - 13 : 0);
    const hl = o.highlight != null && o.highlight === b.region;
    const row = el(doc, 'g', { class: markClass(`row row-${b.key}`, hl), ...(b.region ? { 'data-region': b.region } : {}) }, g);
    const nameLines = wrap(b.label, labelW - 8, 12, 2);
    lines(doc, nameLines, { x: x0 - 8, y: top + 13, 'text-anchor': 'end', 'font-size': 12, fill: INK }, 13, row);
    if (b.sub) text(doc, b.sub, { x: x0 - 8, y: top + lh(10, 14) + nameLines.length * 13, 'text-anchor': 'end', 'font-size': f(10), fill: MUTED }, row);
    if (b.value != null) {
      const w = Math.max(1, xs(b.value) - x0);
      el(doc, 'rect', { class: 'bar', x: x0, y: top + 4, width: w, height: 18, fill: b.color }, row);
    }
    text(doc, labels[i]!, { x: b.value == null ? x0 + 4 : xs(b.value) + 5, y: top + 17, 'font-size': f(11), fill: b.value == null ? MUTED : INK }, row);
  });
  return y + rowH * bars.length + 16;
}
