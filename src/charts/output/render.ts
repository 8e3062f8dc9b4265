/**
 * Output by region: one bar per region from zero (the sum of the point values found for the year), the
 * clusters counted beside it; under them the sum over the regions beside each official total stated
 * for that year, on the same scale. A region with no figure says so in words.
 */
import { REGION_COLORS, MARK_STROKE } from '../../theme/palette.ts';
import { resolveBase, type BaseOptions } from '../shared/options.ts';
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

/**
 * Each official total beside the sum found, on its own scale (the official total is the full bar): the
 * share of it the figures found account for. Only where both are of one coverage is a share stated.
 */
function officialBlock(series: OutputSeries, doc: Document, svg: SVGSVGElement, lang: 'zh' | 'en', o: { x0: number; x1: number; y: number; pad: number; labelW: number; width: number }): number {
  let y = o.y;
  for (const [i, off] of series.official.entries()) {
    const g = el(doc, 'g', { class: 'official', 'data-official': String(i) }, svg);
    const w = o.x1 - o.x0;
    const label = wrap(officialLabel(off, lang), o.labelW - 8, 12, 2);
    lines(doc, label, { x: o.x0 - 8, y: y + 13, 'text-anchor': 'end', 'font-size': 12 }, 13, g);
    el(doc, 'rect', { class: 'bar bar-official', x: o.x0, y: y + 4, width: w, height: 18, fill: '#FFFFFF', stroke: MARK_STROKE, 'stroke-dasharray': '4 3' }, g);
    const found = series.total.sum ?? 0;
    const share = off.figure.value ? Math.min(1, found / off.figure.value) : 0;
    if (found) el(doc, 'rect', { class: 'bar bar-found-share', x: o.x0, y: y + 4, width: Math.max(1, w * share), height: 18, fill: '#7B8794' }, g);
    text(doc, formatAmount(off.figure.value!, series.metric.unit, lang), { x: o.x1 + 5, y: y + 17, 'font-size': 11 }, g);
    y += 28;
    for (const l of wrap(shareText(series, off, lang), o.width - o.x0 - o.pad, 10, 3)) {
      text(doc, l, { x: o.x0, y: y + 8, 'font-size': 10, fill: MUTED }, g);
      y += 13;
    }
    y += 10;
  }
  return y;
}

export function render(series: OutputSeries, options: BaseOptions, doc: Document): SVGSVGElement {
  const o = resolveBase('output', options);
  const { width, lang, idPrefix } = o;
  const pad = 12;
  const narrow = width < 480;
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
  const unit = axisUnit(series.metric.unit, lang);
  if (unit) {
    text(doc, tx(lang, 'chart.axis.unit', { unit }), { x: pad, y: y + 12, 'font-size': 11, fill: MUTED }, svg);
    y += 16;
  }
  const labelW = Math.min(narrow ? width * 0.38 : width * 0.3, 220);
  const x0 = pad + labelW;
  const valueLabels = bars.map((b) => (b.value == null ? tx(lang, 'chart.output.noFigure') : formatAmount(b.value, series.metric.unit, lang)));
  const x1 = width - pad - Math.min(maxOf(valueLabels.map((l) => measure(l, 11))) + 10, width * 0.3);
  const rowH = 36;
  y += 20;
  const xs = zeroScale(Math.max(0, ...bars.map((b) => b.value ?? 0)), [x0, x1], x1 - x0);
  xAxis(doc, svg, xs, { top: y, bottom: y + rowH * bars.length + 10, labelY: y - 5, length: x1 - x0, format: (v) => axisNumber(v, series.metric.unit, lang) });
  const g = el(doc, 'g', { class: 'bars' }, svg);
  bars.forEach((b, i) => {
    const top = y + i * rowH + (i >= series.regions.length ? 10 : 0);
    const hl = o.highlight != null && o.highlight === b.region;
    const row = el(doc, 'g', { class: markClass(`row row-${b.key}`, hl), ...(b.region ? { 'data-region': b.region } : {}) }, g);
    const nameLines = wrap(b.label, labelW - 8, 12, 2);
    lines(doc, nameLines, { x: x0 - 8, y: top + 13, 'text-anchor': 'end', 'font-size': 12, fill: INK }, 13, row);
    if (b.sub) text(doc, b.sub, { x: x0 - 8, y: top + 14 + nameLines.length * 13, 'text-anchor': 'end', 'font-size': 10, fill: MUTED }, row);
    if (b.value != null) {
      const w = Math.max(1, xs(b.value) - x0);
      el(doc, 'rect', { class: 'bar', x: x0, y: top + 4, width: w, height: 18, fill: b.color }, row);
    }
    text(doc, valueLabels[i]!, { x: b.value == null ? x0 + 4 : xs(b.value) + 5, y: top + 17, 'font-size': 11, fill: b.value == null ? MUTED : INK }, row);
  });
  y += rowH * bars.length + 16;
  y = officialBlock(series, doc, svg, lang, { x0, x1, y, pad, labelW, width });
  if (series.official.length === 0) {
    for (const l of wrap(tx(lang, 'chart.output.noOfficial'), width - 2 * pad, 11, 3)) {
      text(doc, l, { x: pad, y: y + 11, 'font-size': 11, fill: MUTED }, svg);
      y += 15;
    }
  }
  setHeight(svg, width, y + pad);
  return svg;
}
