/**
 * Planned vs reached: one block per pair. Comparable pairs get two bars on one zero-based scale (the
 * target outlined and dashed, the outcome filled); the others print both figures and why they are not
 * compared. Then the outcomes without a target, by subject and year, with a small dot plot where one
 * subject has several dated values of one metric. Nothing is summed.
 */
import type { SourceRow } from '../../data/schema.ts';
import { resolveBase, type BaseOptions, type ResolvedBase } from '../shared/options.ts';
import { el, text, frame, setHeight, hint, markClass, INK, MUTED, GRID } from '../shared/svg.ts';
import { wrap, measure } from '../shared/layout.ts';
import { zeroScale } from '../shared/axis.ts';
import { formatFigureValue } from '../../i18n/format.ts';
import { tx } from '../text.ts';
import { describe as describeSeries, title as chartTitle, subjectLabel, figureLabel, reasonsLine, ratioLine, sourceMap } from './meta.ts';
import type { FigureSummary, OutcomeGroup, OutcomesSeries, Pair, SubjectName } from './derive.ts';
import { maxOf, minOf } from '../../data/extent.ts';

const BAR = '#4477AA';
const LOW = '#B71C1C';
const PAD = 12;

/** The attributes that link a mark to the map and the other charts. */
function subjectAttrs(s: SubjectName): Record<string, string> {
  if (s.type === 'cluster') return { 'data-cluster': s.id };
  if (s.type === 'region') return { 'data-region': s.id };
  if (s.type === 'province') return { 'data-adcode': s.id };
  return {};
}

/** A cursor down the chart: wrapped paragraphs and headings, never wider than the chart. */
class Flow {
  y = PAD;
  constructor(
    readonly doc: Document,
    readonly o: ResolvedBase,
    readonly svg: SVGSVGElement,
    /** The series' sources by id: a confirmed year names the source that confirms it. */
    readonly sources: ReadonlyMap<string, SourceRow>,
  ) {}
  label(f: FigureSummary): string {
    return figureLabel(f, this.o.lang, this.sources);
  }
  get inner() {
    return this.o.width - 2 * PAD;
  }
  para(s: string, attrs: Record<string, string | number>, size = 11, maxLines = 4, parent: Element = this.svg, indent = 8): void {
    for (const l of wrap(s, this.inner - indent, size, maxLines)) {
      text(this.doc, l, { x: PAD + indent, y: this.y + size, 'font-size': size, ...attrs }, parent);
      this.y += size + 4;
    }
  }
  heading(s: string, size: number, parent: Element = this.svg): void {
    for (const l of wrap(s, this.inner, size, 2)) {
      text(this.doc, l, { x: PAD, y: this.y + size, 'font-size': size, 'font-weight': 600 }, parent);
      this.y += size + 5;
    }
  }
  figure(label: string, f: FigureSummary, parent: Element): void {
    this.para(label + this.label(f), { fill: f.low ? LOW : INK, class: f.low ? 'figure figure-low' : 'figure' }, 11, 3, parent);
  }
}

export function render(series: OutcomesSeries, options: BaseOptions, doc: Document): SVGSVGElement {
  const o = resolveBase('outcomes', options);
  const { width, lang } = o;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix: o.idPrefix, chart: 'outcomes' });
  const f = new Flow(doc, o, svg, sourceMap(series));
  if (!series.pairs.length && !series.others.length) {
    f.para(tx(lang, 'chart.outcomes.empty'), { fill: MUTED, 'font-style': 'italic' }, 12);
  } else {
    if (series.pairs.length) f.heading(tx(lang, 'chart.outcomes.pairsHeading'), 13);
    for (const p of series.pairs) drawPair(f, p);
    if (series.others.length) f.heading(tx(lang, 'chart.outcomes.othersHeading'), 13);
    for (const g of series.others) drawGroup(f, g);
  }
  setHeight(svg, width, o.height ?? f.y + PAD);
  return svg;
}

function drawPair(f: Flow, p: Pair): void {
  const { doc, o } = f;
  const lang = o.lang;
  const g = el(doc, 'g', { class: markClass(p.comparable ? 'pair is-comparable' : 'pair not-comparable', o.highlight === p.subject.id), 'data-pair': p.id, ...subjectAttrs(p.subject) }, f.svg);
  f.heading(subjectLabel(p.subject, lang), 12, g);
  const target = `${tx(lang, 'chart.outcomes.target')}${tx(lang, 'chart.colon')}`;
  const reached = `${tx(lang, 'chart.outcomes.reached')}${tx(lang, 'chart.colon')}`;
  if (p.comparable) {
    // One zero-based scale for the pair's two bars, no longer than a readable line on a wide screen.
    const x0 = PAD + 8;
    const x1 = Math.min(o.width - PAD - 8, x0 + 640);
    const xs = zeroScale(Math.max(p.target.figure.value!, p.outcome.figure.value!), [x0, x1], x1 - x0);
    const bar = (s: FigureSummary, cls: string, attrs: Record<string, string | number>) => {
      const r = el(doc, 'rect', { class: `bar ${cls}`, x: x0, y: f.y + 2, width: Math.max(1, xs(s.figure.value!) - x0), height: 14, ...attrs }, g);
      hint(doc, r, f.label(s));
      f.y += 20;
    };
    bar(p.target, 'bar-target', { fill: 'none', stroke: p.target.low ? LOW : BAR, 'stroke-width': 1.5, 'stroke-dasharray': '5 3' });
    f.figure(target, p.target, g);
    bar(p.outcome, 'bar-outcome', { fill: p.outcome.low ? LOW : BAR });
    f.figure(reached, p.outcome, g);
    f.para(ratioLine(p, lang), { 'font-weight': 600, class: 'ratio' }, 12, 2, g);
  } else {
    f.figure(target, p.target, g);
    f.figure(reached, p.outcome, g);
    f.para(reasonsLine(p, lang), { fill: MUTED, 'font-style': 'italic', class: 'reasons' }, 11, 3, g);
  }
  const note = lang === 'zh' ? p.note_zh : p.note_en;
  if (note) f.para(note, { fill: MUTED, class: 'note' }, 11, 4, g);
  f.y += 12;
}

function drawGroup(f: Flow, grp: OutcomeGroup): void {
  const { doc, o } = f;
  const g = el(doc, 'g', { class: markClass('outcome-group', o.highlight === grp.subject.id), ...subjectAttrs(grp.subject) }, f.svg);
  f.heading(subjectLabel(grp.subject, o.lang), 12, g);
  for (const s of grp.outcomes) f.figure('\u2022 ', s, g);
  if (grp.mixed) f.para(tx(o.lang, 'chart.outcomes.mixed'), { fill: MUTED, 'font-style': 'italic', class: 'mixed' }, 11, 2, g);
  else dotPlot(f, grp, g);
  f.y += 10;
}

/** Several dated, legible values of one metric: dots by year on a zero-based value scale (never joined). */
function dotPlot(f: Flow, grp: OutcomeGroup, g: Element): void {
  const dated = grp.outcomes.filter((s) => s.figure.year != null && s.figure.value != null);
  const years = [...new Set(dated.map((s) => s.figure.year!))];
  if (years.length < 2) return;
  const { doc, o } = f;
  const h = 56;
  const top = f.y + 22;
  const lo = minOf(years);
  const hi = maxOf(years);
  const x0 = PAD + 8 + 14;
  const x1 = Math.min(o.width - PAD - 14, x0 + 60 * (hi - lo + 1));
  const x = (yr: number) => x0 + ((yr - lo) / (hi - lo)) * (x1 - x0);
  const ys = zeroScale(maxOf(dated.map((s) => s.figure.value!)), [top + h, top], h, 30);
  const plot = el(doc, 'g', { class: 'dot-plot' }, g);
  el(doc, 'line', { x1: x0 - 10, x2: x1 + 10, y1: top + h, y2: top + h, stroke: GRID, 'stroke-width': 1.5 }, plot);
  // Values above their dots, left to right, skipped where they would touch the previous one or the edge.
  let lastValue = -Infinity;
  for (const s of dated.slice().sort((a, b) => a.figure.year! - b.figure.year!)) {
    const point = s.figure.comparator === '=';
    const cx = x(s.figure.year!);
    const cy = ys(s.figure.value!);
    const c = el(doc, 'circle', { class: s.low ? 'dot figure-low' : 'dot', cx, cy, r: 4, fill: point ? (s.low ? LOW : BAR) : 'white', stroke: s.low ? LOW : BAR, 'stroke-width': 1.5 }, plot);
    hint(doc, c, f.label(s));
    const value = formatFigureValue(s.figure, o.lang);
    const w = measure(value, 11);
    const left = startOf(cx, w, o.width);
    if (left < lastValue + 6) continue;
    text(doc, value, { x: left, y: cy - 8, 'font-size': 11, fill: s.low ? LOW : INK, class: 'dot-value' }, plot);
    lastValue = left + w;
  }
  // Year labels, skipped where they would touch their neighbour.
  let last = -Infinity;
  for (const yr of years.sort((a, b) => a - b)) {
    const label = String(yr);
    const w = measure(label, 11);
    const left = startOf(x(yr), w, o.width);
    if (left < last + 6) continue;
    text(doc, label, { x: left, y: top + h + 14, 'font-size': 11, fill: MUTED }, plot);
    last = left + w;
  }
  f.y = top + h + 20;
}

/** Where a label of width w centred on cx starts, kept inside the chart (start-anchored, so x + width fits). */
const startOf = (cx: number, w: number, width: number) => Math.max(PAD, Math.min(cx - w / 2, width - PAD - w));
