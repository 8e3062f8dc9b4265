/**
 * Planned growth as a slope chart by stage. Actuals solid, targets hollow and dashed; thresholds as a
 * tick with an arrow, ranges as a band, illegible amounts as a "?" on the axis; a stated total and the
 * sum of its members' point values side by side, both labelled. The y axis starts at zero.
 */
import type { Stage } from '../../data/schema.ts';
import { PLAN_STAGES as STAGES } from '../../data/constants.ts';
import { formatAmount, formatFigureValue } from '../../i18n/format.ts';
import { resolveBase, typeOf, type BaseOptions, type ResolvedBase } from '../shared/options.ts';
import { el, text, lines, frame, setHeight, hint, flowLegend, INK, MUTED } from '../shared/svg.ts';
import { wrap, measure } from '../shared/layout.ts';
import { zeroScale, yAxis } from '../shared/axis.ts';
import { axisNumber, axisUnit } from '../shared/format.ts';
import type { Shape } from '../shared/figures.ts';
import { tx } from '../text.ts';
import { describe as describeSeries, title as chartTitle, subjectName, yearText } from './meta.ts';
import type { GrowthSeries, GrowthPoint, MemberSum } from './derive.ts';
import { maxOf } from '../../data/extent.ts';
import { placeLabels, alongLine, type Box, type LabelJob, type Spot } from '../shared/place.ts';

export interface GrowthOptions extends BaseOptions {
  /** Height of the plot area in px (default: 240, 200 when narrower than 480 px). */
  plotHeight?: number | null;
  /** Colour of the subject's own series. */
  color?: string;
}

export const DEFAULTS = { plotHeight: null, color: '#1F5F99', sumColor: '#7B8794' } as const;

export function resolveOptions(o: GrowthOptions): ResolvedBase & { plotHeight: number; color: string } {
  const base = resolveBase('growth', o);
  const plotHeight = o.plotHeight ?? (base.width < 480 ? 200 : 240);
  if (!Number.isFinite(plotHeight) || plotHeight < 60 || plotHeight > 2000) throw new Error(`growth: options.plotHeight must be between 60 and 2000 px (got ${plotHeight})`);
  const c = o.color ?? DEFAULTS.color;
  if (!/^#[0-9a-fA-F]{6}$/.test(c)) throw new Error(`growth: options.color must be a #rrggbb colour (got ${c})`);
  return { ...base, plotHeight, color: c };
}

const ARROW = 16;

/** A label a slide's chart places once every mark is drawn (see shared/place.ts). */
interface Pending {
  job: LabelJob;
  parent: Element;
  attrs: Record<string, string | number>;
}

export function render(series: GrowthSeries, options: GrowthOptions, doc: Document): SVGSVGElement {
  const o = resolveOptions(options);
  const { width, lang } = o;
  const { f, lh } = typeOf(o);
  const narrow = width < 480;
  const pad = 12;
  const svg = frame(doc, { width, height: 300, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix: o.idPrefix, chart: 'growth' });
  let y = pad;
  // On a slide the subject and metric are in the chart's subtitle above it.
  for (const l of o.fit ? [] : wrap(tx(lang, 'chart.growth.heading', { subject: subjectName(series.subject, lang), metric: lang === 'zh' ? series.metric.name_zh : series.metric.name_en }), width - 2 * pad, 13, 3)) {
    text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, svg);
    y += 18;
  }
  y = legend(series, o, doc, svg, y + 4, pad);

  const unit = axisUnit(series.metric.unit, lang);
  if (unit) {
    text(doc, tx(lang, 'chart.axis.unit', { unit }), { x: pad, y: y + 12, 'font-size': f(11), fill: MUTED }, svg);
    y += lh(11, 16);
  }
  const values = [...series.points.flatMap((p) => [p.value ?? 0, p.valueMax ?? 0]), ...series.memberSums.map((s) => s.sum)];
  const left = pad + (narrow ? 40 : 52);
  const right = width - pad;
  // Room above the plot for the labels of its highest marks (a slide's labels find their own room).
  const labelsTop = y;
  const top = y + (o.fit ? 12 : 40);
  const bottom = top + o.plotHeight;
  const ys = zeroScale(Math.max(0, ...values) * 1.08, [bottom, top], o.plotHeight, 50);
  yAxis(doc, svg, ys, { left, right, length: o.plotHeight, format: (v) => axisNumber(v, series.metric.unit, lang), font: f(11) });
  const colW = (right - left) / STAGES.length;
  const cx = (stage: Stage) => left + ((STAGES as readonly Stage[]).indexOf(stage) + 0.5) * colW;
  const labelBottom = stageAxis(series, o, doc, svg, cx, colW, bottom);

  // The subject's series.
  const hl = o.highlight != null && o.highlight === series.subject.id;
  const g = el(doc, 'g', { class: hl ? 'series series-stated is-highlighted' : 'series series-stated', ...subjectAttrs(series) }, svg);
  const sumAt = new Map(series.memberSums.map((s) => [s.stage, s]));
  const pos = new Map<string, number>();
  for (const stage of STAGES) {
    const at = series.points.filter((p) => p.stage === stage);
    const shift = sumAt.has(stage) ? -colW * 0.18 : 0;
    at.forEach((p, i) => pos.set(p.figureId, cx(stage) + shift + (i - (at.length - 1) / 2) * Math.min(26, colW / (at.length + 1))));
  }
  const slopes = connect(series.points, pos, ys, o, doc, g);
  // On a slide, and wherever a stage holds several points (their labels would meet), the values are placed
  // once every mark is drawn, clear of one another.
  const crowded = STAGES.some((stage) => series.points.filter((p) => p.stage === stage).length > 1);
  const pending: Pending[] | null = o.fit || crowded ? [] : null;
  for (const p of series.points) mark(p, pos.get(p.figureId)!, ys, bottom, o, doc, g, sumAt.has(p.stage), colW, slopes.get(p.figureId) ?? { inc: 0, out: 0 }, left, pending);

  // Sums of members' point values, beside the stated figure.
  if (series.memberSums.length) {
    const sg = el(doc, 'g', { class: 'series series-member-sum' }, svg);
    for (const s of series.memberSums) sumMark(s, cx(s.stage) + colW * 0.18, ys, series.metric.unit, o, doc, sg, colW, o.fit ? pending : null);
  }
  if (pending) drawPlaced(doc, g, pending, { x0: left + 2, y0: labelsTop, x1: right, y1: bottom - 1 });

  const height = o.height ?? labelBottom + pad + 4;
  setHeight(svg, width, height);
  return svg;
}

/** Stage labels under the plot, with the year only where it is legible; returns the y of the lowest line. */
function stageAxis(series: GrowthSeries, o: ResolvedBase, doc: Document, svg: SVGSVGElement, cx: (s: Stage) => number, colW: number, bottom: number): number {
  const { lang } = o;
  const { f, lh } = typeOf(o);
  const xg = el(doc, 'g', { class: 'axis axis-stage' }, svg);
  let labelBottom = bottom;
  for (const { stage, year } of series.stages) {
    const l1 = wrap(tx(lang, `stage.${stage}`), colW - 4, 12, 2);
    const yt = yearText(year, lang);
    const yl = yt ? wrap(yt, colW - 4, f(11), 2) : [];
    const t = lines(doc, l1, { x: cx(stage), y: bottom + 18, 'text-anchor': 'middle', 'font-size': 12 }, 14, xg);
    t.setAttribute('class', 'stage-label');
    if (yl.length) {
      const yy = bottom + 18 + l1.length * 14;
      const yearNode = lines(doc, yl, { x: cx(stage), y: yy, 'text-anchor': 'middle', 'font-size': f(11), fill: year.year != null ? INK : MUTED, 'font-style': year.year != null ? 'normal' : 'italic', class: `year year-${year.status}` }, lh(11, 13), xg);
      yearNode.setAttribute('data-year-status', year.status);
      labelBottom = Math.max(labelBottom, yy + (yl.length - 1) * lh(11, 13));
    }
    labelBottom = Math.max(labelBottom, bottom + 18 + (l1.length - 1) * 14);
  }
  return labelBottom;
}

/** A slide's labels, placed clear of the marks, the lines between them and one another. */
function drawPlaced(doc: Document, g: Element, pending: readonly Pending[], inside: Box): void {
  const links = [...g.querySelectorAll('line.link')].flatMap((l) => {
    const n = (a: string) => Number(l.getAttribute(a));
    return alongLine(n('x1'), n('y1'), n('x2'), n('y2'));
  });
  const placed = placeLabels(pending.map((p) => p.job), links, inside);
  pending.forEach((p, i) => {
    const at = placed[i]!;
    lines(doc, p.job.lines, { ...p.attrs, x: at.x, y: at.y, 'text-anchor': at.anchor, 'font-size': p.job.font }, p.job.step, p.parent);
  });
}

function subjectAttrs(series: GrowthSeries): Record<string, string> {
  const s = series.subject;
  if (s.type === 'cluster') return { 'data-cluster': s.id };
  if (s.type === 'region') return { 'data-region': s.id };
  return { 'data-subject': s.id };
}

const isPointLike = (s: Shape) => s === 'point' || s === 'approx';

/** Lines between consecutive point values; a segment ending at a target is dashed; no line across unknowns. */
type Slope = { inc: number; out: number };

/** Draws the links; returns, per linked point, whether the line arrives rising (inc) and leaves rising (out). */
function connect(points: readonly GrowthPoint[], pos: Map<string, number>, ys: (v: number) => number, o: ResolvedBase & { color: string }, doc: Document, g: Element): Map<string, Slope> {
  const slopes = new Map<string, Slope>();
  const slope = (id: string) => slopes.get(id) ?? (slopes.set(id, { inc: 0, out: 0 }), slopes.get(id)!);
  let last: GrowthPoint | null = null;
  for (const stage of STAGES) {
    const at = points.filter((p) => p.stage === stage);
    if (!at.length) continue;
    const only = at.length === 1 && isPointLike(at[0]!.shape) ? at[0]! : null;
    if (only && last) {
      const d = Math.sign(only.value! - last.value!);
      slope(last.figureId).out = d;
      slope(only.figureId).inc = d;
      el(doc, 'line', { class: `link link-${only.kind}`, x1: pos.get(last.figureId)!, y1: ys(last.value!), x2: pos.get(only.figureId)!, y2: ys(only.value!), stroke: o.color, 'stroke-width': 2, 'stroke-dasharray': only.kind === 'target' ? '6 4' : null }, g);
    }
    last = only;
  }
  return slopes;
}

function mark(p: GrowthPoint, x: number, ys: (v: number) => number, bottom: number, o: ResolvedBase & { color: string }, doc: Document, g: Element, besideSum: boolean, colW: number, slope: Slope, plotLeft: number, pending: Pending[] | null): void {
  const { lang } = o;
  const { f, lh } = typeOf(o);
  const target = p.kind === 'target';
  const m = el(doc, 'g', { class: `mark mark-${p.shape} mark-${p.kind}`, 'data-figure': p.figureId, 'data-stage': p.stage }, g);
  const label = formatFigureValue({ value: p.value, value_max: p.valueMax, comparator: p.comparator, unit: p.unit }, lang);
  hint(doc, m, `${tx(lang, `stage.${p.stage}`)} · ${tx(lang, `kind.${p.kind}`)}: ${label}`);
  const stroke = { stroke: o.color, 'stroke-width': 2 };
  let labelY: number;
  let anchor: 'start' | 'middle' | 'end' = 'middle';
  let lx = x;
  switch (p.shape) {
    case 'point':
    case 'approx':
      el(doc, 'circle', { cx: x, cy: ys(p.value!), r: 5, fill: target ? '#FFFFFF' : o.color, ...stroke, 'stroke-dasharray': p.shape === 'approx' ? '2 2' : null }, m);
      labelY = ys(p.value!) - 10;
      // Put the label where the line is not: above-left of a rising line, above-right of a falling one, below a valley.
      if (slope.inc >= 0 && slope.out >= 0 && (slope.inc > 0 || slope.out > 0)) [anchor, lx, labelY] = ['end', x - 8, ys(p.value!) - 8];
      else if (slope.inc <= 0 && slope.out <= 0 && (slope.inc < 0 || slope.out < 0)) [anchor, lx, labelY] = ['start', x + 8, ys(p.value!) - 8];
      else if (slope.inc < 0 && slope.out > 0) labelY = ys(p.value!) + 18;
      break;
    case 'threshold-up':
    case 'threshold-down': {
      const v = ys(p.value!);
      const dir = p.shape === 'threshold-up' ? -1 : 1;
      el(doc, 'line', { x1: x - 11, x2: x + 11, y1: v, y2: v, ...stroke, 'stroke-width': 3 }, m);
      el(doc, 'line', { x1: x, x2: x, y1: v, y2: v + dir * ARROW, ...stroke, 'stroke-dasharray': target ? '3 2' : null }, m);
      el(doc, 'path', { d: `M${x - 5},${v + dir * (ARROW - 6)} L${x},${v + dir * ARROW} L${x + 5},${v + dir * (ARROW - 6)}`, fill: 'none', ...stroke }, m);
      labelY = dir < 0 ? v - ARROW - 9 : v - 6;
      break;
    }
    case 'range': {
      const y0 = ys(p.value!);
      const y1 = ys(p.valueMax!);
      el(doc, 'rect', { x: x - 10, y: y1, width: 20, height: Math.max(2, y0 - y1), fill: o.color, 'fill-opacity': 0.2, ...stroke, 'stroke-dasharray': target ? '4 3' : null }, m);
      labelY = y1 - 6;
      break;
    }
    case 'illegible':
      el(doc, 'circle', { cx: x, cy: bottom - 12, r: 9, fill: '#FFFFFF', stroke: MUTED, 'stroke-dasharray': '2 2' }, m);
      text(doc, '?', { x, y: bottom - 8, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 700, fill: MUTED, class: 'mark-glyph' }, m);
      labelY = bottom - 26;
      break;
  }
  // On a slide the value alone (the legend tells the marks apart), placed once every mark is drawn.
  if (pending) {
    // On the site a figure stated beside a sum keeps its caption.
    const caption = besideSum && !o.fit ? wrap(tx(lang, 'chart.growth.stated'), Math.max(64, colW * 1.2), f(11), 2) : [];
    pending.push({ job: { mark: markBox(p, x, ys, bottom), lines: [...caption, ...wrap(label, Math.max(64, colW * 1.2), f(11), o.fit ? 3 : 4)], font: f(11), step: lh(11, 13), prefer: preferOf(slope) }, parent: m, attrs: { class: 'value-label', fill: p.shape === 'illegible' ? MUTED : INK } });
    return;
  }
  // The value is never cut: it wraps onto as many lines as it needs; a "stated" caption goes above it.
  const maxW = Math.max(56, colW * 0.9);
  const content = [...(besideSum ? wrap(tx(lang, 'chart.growth.stated'), maxW, f(11), 2) : []), ...wrap(label, maxW, f(11), 4)];
  const step = lh(11, 13);
  // Left of the plot is the value axis: a label that would run into it moves right, centred.
  const w = maxOf(content.map((l) => measure(l, f(11))));
  const leftEdge = anchor === 'end' ? lx - w : anchor === 'middle' ? lx - w / 2 : lx;
  if (leftEdge < plotLeft + 2) [anchor, lx] = ['middle', Math.max(x, plotLeft + 2 + w / 2)];
  const below = labelY > (p.value != null ? ys(p.value) : bottom);
  lines(doc, content, { x: lx, y: below ? labelY : labelY - (content.length - 1) * step, 'text-anchor': anchor, 'font-size': f(11), class: 'value-label', fill: p.shape === 'illegible' ? MUTED : INK }, step, m);
}

/** Where a point's label goes first, as on the site: above-left of a rising line, above-right of a falling one, below a valley. */
function preferOf(slope: Slope): Spot[] {
  if (slope.inc >= 0 && slope.out >= 0 && (slope.inc > 0 || slope.out > 0)) return ['above-left', 'left', 'above'];
  if (slope.inc <= 0 && slope.out <= 0 && (slope.inc < 0 || slope.out < 0)) return ['above-right', 'right', 'above'];
  if (slope.inc < 0 && slope.out > 0) return ['below'];
  return ['above'];
}

/** The box a mark covers (its stroke included). */
function markBox(p: GrowthPoint, x: number, ys: (v: number) => number, bottom: number): Box {
  switch (p.shape) {
    case 'threshold-up':
    case 'threshold-down': {
      const v = ys(p.value!);
      const end = v + (p.shape === 'threshold-up' ? -ARROW : ARROW);
      return { x0: x - 12, y0: Math.min(v, end) - 2, x1: x + 12, y1: Math.max(v, end) + 2 };
    }
    case 'range':
      return { x0: x - 11, y0: ys(p.valueMax!) - 1, x1: x + 11, y1: ys(p.value!) + 1 };
    case 'illegible':
      return { x0: x - 10, y0: bottom - 22, x1: x + 10, y1: bottom - 2 };
    default:
      return { x0: x - 6, y0: ys(p.value!) - 6, x1: x + 6, y1: ys(p.value!) + 6 };
  }
}

function sumMark(s: MemberSum, x: number, ys: (v: number) => number, unit: string, o: ResolvedBase, doc: Document, g: Element, colW: number, pending: Pending[] | null): void {
  const { lang } = o;
  const { f, lh } = typeOf(o);
  const y = ys(s.sum);
  const m = el(doc, 'g', { class: 'mark mark-member-sum', 'data-stage': s.stage }, g);
  const value = formatAmount(s.sum, unit, lang);
  const caption = tx(lang, 'chart.growth.sumOf', { summed: s.summed, members: s.members });
  hint(doc, m, `${caption}: ${value}`);
  el(doc, 'path', { d: `M${x},${y - 6} L${x + 6},${y} L${x},${y + 6} L${x - 6},${y} Z`, fill: DEFAULTS.sumColor, stroke: '#FFFFFF', 'stroke-width': 1 }, m);
  // On a slide the value alone: the legend names the mark, the notes beside the chart how many members it sums.
  if (pending) {
    pending.push({ job: { mark: { x0: x - 7, y0: y - 7, x1: x + 7, y1: y + 7 }, lines: wrap(value, Math.max(64, colW * 1.2), f(11), 3), font: f(11), step: lh(11, 13), prefer: ['below', 'below-right', 'right'] }, parent: m, attrs: { fill: MUTED, class: 'value-label' } });
    return;
  }
  const content = [...wrap(caption, Math.max(56, colW * 0.9), f(11), 3), ...wrap(value, Math.max(56, colW * 0.9), f(11), 4)];
  lines(doc, content, { x, y: y + 18, 'text-anchor': 'middle', 'font-size': f(11), fill: MUTED, class: 'value-label' }, lh(11, 13), m);
}

/** A legend of the mark kinds present, wrapped to the width. */
function legend(series: GrowthSeries, o: ResolvedBase & { color: string }, doc: Document, svg: SVGSVGElement, y0: number, pad: number): number {
  const { lang, width } = o;
  const items: { key: string; label: string; draw: (g: Element, x: number, y: number) => void }[] = [];
  const has = (f: (p: GrowthPoint) => boolean) => series.points.some(f);
  const c = o.color;
  if (has((p) => isPointLike(p.shape) && p.kind === 'actual')) items.push({ key: 'actual', label: tx(lang, 'chart.legend.actual'), draw: (g, x, y) => el(doc, 'circle', { cx: x + 6, cy: y, r: 5, fill: c, stroke: c, 'stroke-width': 2 }, g) });
  if (has((p) => isPointLike(p.shape) && p.kind === 'target')) items.push({ key: 'target', label: tx(lang, 'chart.legend.target'), draw: (g, x, y) => el(doc, 'circle', { cx: x + 6, cy: y, r: 5, fill: '#FFFFFF', stroke: c, 'stroke-width': 2 }, g) });
  if (has((p) => p.shape === 'threshold-up' || p.shape === 'threshold-down'))
    items.push({
      key: 'threshold',
      label: tx(lang, 'chart.legend.threshold'),
      draw: (g, x, y) => {
        el(doc, 'line', { x1: x, x2: x + 12, y1: y + 5, y2: y + 5, stroke: c, 'stroke-width': 3 }, g);
        el(doc, 'path', { d: `M${x + 6},${y + 5} L${x + 6},${y - 6} M${x + 2},${y - 2} L${x + 6},${y - 6} L${x + 10},${y - 2}`, fill: 'none', stroke: c, 'stroke-width': 2 }, g);
      },
    });
  if (has((p) => p.shape === 'range')) items.push({ key: 'range', label: tx(lang, 'chart.legend.range'), draw: (g, x, y) => el(doc, 'rect', { x, y: y - 6, width: 12, height: 12, fill: c, 'fill-opacity': 0.2, stroke: c }, g) });
  if (has((p) => p.shape === 'illegible'))
    items.push({
      key: 'illegible',
      label: tx(lang, 'value.illegible'),
      draw: (g, x, y) => {
        el(doc, 'circle', { cx: x + 6, cy: y, r: 6, fill: '#FFFFFF', stroke: MUTED, 'stroke-dasharray': '2 2' }, g);
        text(doc, '?', { x: x + 6, y: y + 4, 'text-anchor': 'middle', 'font-size': typeOf(o).f(10), 'font-weight': 700, fill: MUTED, class: 'mark-glyph' }, g);
      },
    });
  if (series.memberSums.length) items.push({ key: 'sum', label: tx(lang, 'chart.legend.memberSum'), draw: (g, x, y) => el(doc, 'path', { d: `M${x + 6},${y - 6} L${x + 12},${y} L${x + 6},${y + 6} L${x},${y} Z`, fill: DEFAULTS.sumColor }, g) });
  if (!items.length) {
    text(doc, tx(lang, 'chart.growth.none'), { x: pad, y: y0 + 12, fill: MUTED, 'font-style': 'italic' }, svg);
    return y0 + 20;
  }
  const g = el(doc, 'g', { class: 'legend' }, svg);
  const y = flowLegend(doc, g, items, pad, width, y0, measure, typeOf(o).f(11));
  return y + 12;
}

