/**
 * Planned vs reached: one block per pair. Comparable pairs get two bars on one zero-based scale (the
 * target outlined and dashed, the outcome filled); the others print both figures and why they are not
 * compared. Then national clusters' own goals, each beside its latest actual (two bars the same way, where
 * a share is given). Then the outcomes without a target, by subject and year, with a small dot plot where
 * one subject has several dated values of one metric. Nothing is summed.
 */
import type { SourceRow } from '../../data/schema.ts';
import { resolveBase, typeOf, type BaseOptions, type ResolvedBase } from '../shared/options.ts';
import { el, text, frame, setHeight, hint, markClass, INK, MUTED, GRID } from '../shared/svg.ts';
import { wrap, measure } from '../shared/layout.ts';
import { zeroScale } from '../shared/axis.ts';
import { formatFigureValue } from '../../i18n/format.ts';
import { tx, txn } from '../text.ts';
import { describe as describeSeries, title as chartTitle, subjectLabel, figureLabel, reasonsLine, ratioLine, goalLine, entryCount, sourceMap } from './meta.ts';
import type { FigureSummary, GoalEntry, OutcomeGroup, OutcomesSeries, Pair, SubjectName } from './derive.ts';
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

/** A cursor down the chart (or down one of its columns): wrapped paragraphs and headings, never wider than it. */
class Flow {
  y = PAD;
  /** Where the column starts, how wide it is, and what entries are drawn into. */
  left = PAD;
  width: number;
  root: Element;
  constructor(
    readonly doc: Document,
    readonly o: ResolvedBase,
    readonly svg: SVGSVGElement,
    /** The series' sources by id: a confirmed year names the source that confirms it. */
    readonly sources: ReadonlyMap<string, SourceRow>,
  ) {
    this.width = o.width - 2 * PAD;
    this.root = svg;
  }
  label(f: FigureSummary): string {
    return figureLabel(f, this.o.lang, this.sources);
  }
  get inner() {
    return this.width;
  }
  para(s: string, attrs: Record<string, string | number>, site = 11, maxLines = 4, parent: Element = this.root, indent = 8): void {
    const size = typeOf(this.o).f(site);
    for (const l of wrap(s, this.inner - indent, size, maxLines)) {
      text(this.doc, l, { x: this.left + indent, y: this.y + size, 'font-size': size, ...attrs }, parent);
      this.y += size + 4;
    }
  }
  heading(s: string, size: number, parent: Element = this.root): void {
    for (const l of wrap(s, this.inner, size, 2)) {
      text(this.doc, l, { x: this.left, y: this.y + size, 'font-size': size, 'font-weight': 600 }, parent);
      this.y += size + 5;
    }
  }
  /** A figure's line; on a slide a pair's lines leave out the kind, which their "Target:" and "Reached:" say. */
  figure(label: string, f: FigureSummary, parent: Element, inPair = false): void {
    const text = inPair && this.o.fit ? figureLabel(f, this.o.lang, this.sources, false) : this.label(f);
    this.para(label + text, { fill: f.low ? LOW : INK, class: f.low ? 'figure figure-low' : 'figure' }, 11, 3, parent);
  }
}

export interface OutcomesOptions extends BaseOptions {
  /** Draw only the first this many entries (pairs, then the later figures); one line counts the rest, which the table lists (a slide). */
  maxItems?: number | null;
}

/** At most this much more room after each of a slide's entries. */
const MAX_GROW = 60;
/** A slide wide enough sets its entries in two columns this far apart. */
const TWO_COLUMNS = 440;
const COLUMN_GAP = 24;

export function render(series: OutcomesSeries, options: OutcomesOptions, doc: Document): SVGSVGElement {
  const o = resolveBase('outcomes', options);
  const { width, lang } = o;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix: o.idPrefix, chart: 'outcomes' });
  const f = new Flow(doc, o, svg, sourceMap(series));
  const total = entryCount(series);
  const shown = Math.min(total, Math.max(1, options.maxItems ?? total));
  const columns = o.fit && width >= TWO_COLUMNS && shown > 1 ? 2 : 1;
  if (columns === 2) f.width = (width - 2 * PAD - COLUMN_GAP) / 2;
  const grow = o.fit ? Math.min(MAX_GROW, o.stretch / Math.ceil(shown / columns)) : 0;
  if (!total) {
    f.para(tx(lang, 'chart.outcomes.empty'), { fill: MUTED, 'font-style': 'italic' }, 12);
  } else {
    const entries = drawEntries(f, series, shown, grow, columns === 2);
    if (columns === 2) twoColumns(f, entries);
    f.width = width - 2 * PAD;
    if (shown < total) f.para(txn(lang, 'chart.outcomes.moreInTable', total - shown), { fill: MUTED, 'font-style': 'italic', class: 'more-in-table' }, 11, 2, svg, 0);
  }
  setHeight(svg, width, o.height ?? f.y + PAD);
  return svg;
}

/** An entry as drawn: its group (a slide's) and where it starts and ends down the column. */
interface Entry {
  g: Element | null;
  y0: number;
  y1: number;
}

/** The first `shown` entries, pairs, goals then the later figures, each section under its heading; on a slide each in a group of its own. */
function drawEntries(f: Flow, series: OutcomesSeries, shown: number, grow: number, grouped: boolean): Entry[] {
  const { lang } = f.o;
  const pairs = series.pairs.slice(0, shown);
  const goals = series.goals.slice(0, shown - pairs.length);
  const others = series.others.slice(0, shown - pairs.length - goals.length);
  const entry = (draw: () => void): Entry => {
    const g = grouped ? el(f.doc, 'g', { class: 'entry' }, f.svg) : null;
    const y0 = f.y;
    if (g) f.root = g;
    draw();
    f.root = f.svg;
    return { g, y0, y1: f.y };
  };
  const pairEntry = (p: Pair, i: number) => {
    if (i === 0) f.heading(tx(lang, 'chart.outcomes.pairsHeading'), 13);
    drawPair(f, p, grow);
  };
  const goalEntry = (g: GoalEntry, i: number) => {
    if (i === 0) f.heading(tx(lang, 'chart.outcomes.goalsHeading'), 13);
    drawGoal(f, g, grow);
  };
  const otherEntry = (g: OutcomeGroup, i: number) => {
    if (i === 0) f.heading(tx(lang, 'chart.outcomes.othersHeading'), 13);
    drawGroup(f, g, grow);
  };
  return [...pairs.map((p, i) => entry(() => pairEntry(p, i))), ...goals.map((g, i) => entry(() => goalEntry(g, i))), ...others.map((g, i) => entry(() => otherEntry(g, i)))];
}

/** Moves the later entries to a second column, split where the two columns come out most even; the cursor goes under the taller. */
function twoColumns(f: Flow, entries: readonly Entry[]): void {
  const top = entries[0]!.y0;
  const end = entries[entries.length - 1]!.y1;
  let k = 1;
  for (let i = 2; i < entries.length; i++) if (Math.max(entries[i - 1]!.y1 - top, end - entries[i]!.y0) < Math.max(entries[k - 1]!.y1 - top, end - entries[k]!.y0)) k = i;
  const dy = top - entries[k]!.y0;
  for (const e of entries.slice(k)) e.g!.setAttribute('transform', `translate(${f.width + COLUMN_GAP},${dy})`);
  f.y = top + Math.max(entries[k - 1]!.y1 - top, end - entries[k]!.y0);
}

function drawPair(f: Flow, p: Pair, grow = 0): void {
  const { doc, o } = f;
  const lang = o.lang;
  const g = el(doc, 'g', { class: markClass(p.comparable ? 'pair is-comparable' : 'pair not-comparable', o.highlight === p.subject.id), 'data-pair': p.id, ...subjectAttrs(p.subject) }, f.root);
  f.heading(subjectLabel(p.subject, lang), 12, g);
  const target = `${tx(lang, 'chart.outcomes.target')}${tx(lang, 'chart.colon')}`;
  const reached = `${tx(lang, 'chart.outcomes.reached')}${tx(lang, 'chart.colon')}`;
  if (p.comparable) {
    twoBars(f, g, [target, p.target], [reached, p.outcome]);
    f.para(ratioLine(p, lang), { 'font-weight': 600, class: 'ratio' }, 12, 2, g);
  } else {
    f.figure(target, p.target, g, true);
    f.figure(reached, p.outcome, g, true);
    f.para(reasonsLine(p, lang), { fill: MUTED, 'font-style': 'italic', class: 'reasons' }, 11, 3, g);
  }
  const note = lang === 'zh' ? p.note_zh : p.note_en;
  if (note) f.para(note, { fill: MUTED, class: 'note' }, 11, 4, g);
  f.y += 12 + grow;
}

/**
 * A target and a figure as two bars on one zero-based scale (the target outlined and dashed, the figure
 * filled), each with its line under it; the scale no longer than a readable line on a wide screen.
 */
function twoBars(f: Flow, g: Element, [targetLabel, target]: [string, FigureSummary], [label, figure]: [string, FigureSummary]): void {
  const { doc } = f;
  const x0 = f.left + 8;
  const x1 = Math.min(f.left + f.inner - 8, x0 + 640);
  const xs = zeroScale(Math.max(target.figure.value!, figure.figure.value!), [x0, x1], x1 - x0);
  const bar = (s: FigureSummary, cls: string, attrs: Record<string, string | number>) => {
    const r = el(doc, 'rect', { class: `bar ${cls}`, x: x0, y: f.y + 2, width: Math.max(1, xs(s.figure.value!) - x0), height: 14, ...attrs }, g);
    hint(doc, r, f.label(s));
    f.y += 20;
  };
  bar(target, 'bar-target', { fill: 'none', stroke: target.low ? LOW : BAR, 'stroke-width': 1.5, 'stroke-dasharray': '5 3' });
  f.figure(targetLabel, target, g, true);
  bar(figure, 'bar-outcome', { fill: figure.low ? LOW : BAR });
  f.figure(label, figure, g, true);
}

/** A national cluster's goal: with its latest actual as two bars where a share is given, else both lines and why not. */
function drawGoal(f: Flow, goal: GoalEntry, grow = 0): void {
  const { doc, o } = f;
  const lang = o.lang;
  const g = el(doc, 'g', { class: markClass(goal.ratio != null ? 'goal has-share' : 'goal', o.highlight === goal.subject.id), 'data-goal': goal.id, ...subjectAttrs(goal.subject) }, f.root);
  f.heading(subjectLabel(goal.subject, lang), 12, g);
  const target = `${tx(lang, 'chart.outcomes.target')}${tx(lang, 'chart.colon')}`;
  const latest = `${tx(lang, 'chart.outcomes.latest')}${tx(lang, 'chart.colon')}`;
  if (goal.latest && goal.ratio != null) {
    twoBars(f, g, [target, goal.target], [latest, goal.latest]);
    f.para(goalLine(goal, lang), { 'font-weight': 600, class: 'ratio' }, 12, 2, g);
  } else {
    f.figure(target, goal.target, g, true);
    if (goal.latest) f.figure(latest, goal.latest, g, true);
    f.para(goalLine(goal, lang), { fill: MUTED, 'font-style': 'italic', class: 'reasons' }, 11, 3, g);
  }
  f.y += 12 + grow;
}

function drawGroup(f: Flow, grp: OutcomeGroup, grow = 0): void {
  const { doc, o } = f;
  const g = el(doc, 'g', { class: markClass('outcome-group', o.highlight === grp.subject.id), ...subjectAttrs(grp.subject) }, f.root);
  f.heading(subjectLabel(grp.subject, o.lang), 12, g);
  for (const s of grp.outcomes) f.figure('\u2022 ', s, g);
  if (grp.mixed) f.para(tx(o.lang, 'chart.outcomes.mixed'), { fill: MUTED, 'font-style': 'italic', class: 'mixed' }, 11, 2, g);
  else dotPlot(f, grp, g);
  f.y += 10 + grow;
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
  const x0 = f.left + 8 + 14;
  const x1 = Math.min(f.left + f.inner - 14, x0 + 60 * (hi - lo + 1));
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
    const font = typeOf(o).f(11);
    const w = measure(value, font);
    const left = startOf(cx, w, f);
    if (left < lastValue + 6) continue;
    text(doc, value, { x: left, y: cy - 8, 'font-size': font, fill: s.low ? LOW : INK, class: 'dot-value' }, plot);
    lastValue = left + w;
  }
  // Year labels, skipped where they would touch their neighbour.
  let last = -Infinity;
  for (const yr of years.sort((a, b) => a - b)) {
    const label = String(yr);
    const font = typeOf(o).f(11);
    const w = measure(label, font);
    const left = startOf(x(yr), w, f);
    if (left < last + 6) continue;
    text(doc, label, { x: left, y: top + h + 3 + font, 'font-size': font, fill: MUTED }, plot);
    last = left + w;
  }
  f.y = top + h + 20;
}

/** Where a label of width w centred on cx starts, kept inside the chart (start-anchored, so x + width fits). */
const startOf = (cx: number, w: number, f: Flow) => Math.max(f.left, Math.min(cx - w / 2, f.left + f.inner - w));
