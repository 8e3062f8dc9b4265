/** Batches: per list, one row per batch — rows found stacked by region, the official total as an outline. */
import type { Lang } from '../../i18n/index.ts';
import { REGION_IDS } from '../../data/constants.ts';
import { REGION_COLORS } from '../../theme/palette.ts';
import { resolveBase, typeOf, type BaseOptions, type ResolvedBase } from '../shared/options.ts';
import { el, text, frame, setHeight, hint, INK, MUTED } from '../shared/svg.ts';
import { wrap, measure, fit } from '../shared/layout.ts';
import { zeroScale, xAxis } from '../shared/axis.ts';
import { plainNumber } from '../shared/format.ts';
import { tx } from '../text.ts';
import { describe as describeSeries, title as chartTitle, stepText } from './meta.ts';
import type { BatchesSeries, BatchStep, ProgrammeSteps } from './derive.ts';

const rname = (r: string, lang: Lang) => tx(lang, `region.${r}` as 'region.east');

export interface BatchesOptions extends BaseOptions {
  /** Rows of one line each (the step's counts beside the date, smaller), to fit a short panel. */
  compact?: boolean;
}

/** At most this much more room for each of a slide's rows. */
const MAX_GROW = 60;
const stepsOf = (series: BatchesSeries) => series.programmes.reduce((n, p) => n + p.steps.length, 0);

/** The region key (and the outline's) in one line; returns the y under it. */
function key(doc: Document, svg: SVGSVGElement, o: ResolvedBase, pad: number): number {
  const { lang } = o;
  const { f, lh } = typeOf(o);
  const y = pad;
  let kx = pad;
  for (const r of REGION_IDS) {
    el(doc, 'rect', { x: kx, y: y + 2, width: 12, height: 10, fill: REGION_COLORS[r] }, svg);
    text(doc, rname(r, lang), { x: kx + 16, y: y + 11, 'font-size': f(11) }, svg);
    kx += 16 + measure(rname(r, lang), f(11)) + 14;
  }
  el(doc, 'rect', { x: kx, y: y + 2, width: 12, height: 10, fill: 'none', stroke: INK, 'stroke-width': 1.2 }, svg);
  text(doc, tx(lang, 'chart.batches.key.official'), { x: kx + 16, y: y + 11, 'font-size': f(11) }, svg);
  return y + lh(11, 28);
}

export function render(series: BatchesSeries, options: BatchesOptions, doc: Document): SVGSVGElement {
  const o = resolveBase('batches', options);
  // A slide's rows are never one-line: the room is the chart's.
  const compact = !o.fit && (options.compact ?? false);
  const { width, lang } = o;
  const { f, lh } = typeOf(o);
  const pad = 12;
  const svg = frame(doc, { width, height: 200, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix: o.idPrefix, chart: 'batches' });
  let y = key(doc, svg, o, pad);
  if (!series.programmes.length) {
    text(doc, tx(lang, 'chart.batches.empty'), { x: pad, y: y + 14, fill: MUTED, 'font-style': 'italic' }, svg);
    setHeight(svg, width, o.height ?? y + 30);
    return svg;
  }
  const labelW = Math.min(150, Math.max(70, width * 0.22));
  const cols: Cols = { x0: pad + labelW, x1: width - pad - 8, labelW, pad, compact };
  // A slide's stretch goes to its rows: thicker bars, wider gaps.
  const grow = o.fit ? Math.min(MAX_GROW, o.stretch / Math.max(1, stepsOf(series))) : 0;
  for (const p of series.programmes) y = programmePanel(doc, svg, p, o, cols, y, grow);
  setHeight(svg, width, o.height ?? y + pad);
  return svg;
}

interface Cols {
  x0: number;
  x1: number;
  labelW: number;
  pad: number;
  compact: boolean;
}

/** One list: its name, an axis of counts, one row per batch; returns the y under it. */
function programmePanel(doc: Document, svg: SVGSVGElement, p: ProgrammeSteps, o: ResolvedBase, c: Cols, y0: number, grow: number): number {
  const { lang, width } = o;
  const { f } = typeOf(o);
  const { x0, x1, pad } = c;
  let y = y0;
  const g = el(doc, 'g', { class: 'panel panel-programme', 'data-programme': p.programme.id }, svg);
  // Compact, a programme's name keeps to one line (shortened where it must be; the table has it whole).
  for (const l of wrap(lang === 'zh' ? p.programme.name_zh : p.programme.name_en, width - 2 * pad, 13, c.compact ? 1 : 2)) {
    text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, g);
    y += 18;
  }
  y += 14;
  const max = Math.max(1, ...p.steps.map((s) => Math.max(s.officialTotal ?? 0, s.found)));
  const xs = zeroScale(max, [x0, x1], x1 - x0);
  // Compact rows are one line (bar, outline and counts side by side), tighter.
  const rowH = c.compact ? 17 : 46;
  // The axis goes under the rows, its gridlines as long as the rows turn out to be.
  const before = g.lastChild;
  const top = y;
  for (const st of p.steps) y = stepRow(doc, g, st, o, c, xs, y, rowH, grow);
  const bottom = o.fit ? y - grow / 2 : top + rowH * p.steps.length - 14;
  xAxis(doc, g, xs, { top, bottom, labelY: top - 4, length: x1 - x0, format: (v) => plainNumber(v, lang, 0), integer: true, font: f(11) });
  g.insertBefore(g.lastChild!, before ? before.nextSibling : g.firstChild);
  return y + 12;
}

/** One batch: its date, the rows found stacked by region inside the official total's outline, the counts; returns the next row's y. */
function stepRow(doc: Document, g: Element, st: BatchStep, o: ResolvedBase, c: Cols, xs: (v: number) => number, y: number, rowH: number, grow: number): number {
  const { lang, width } = o;
  const { f, lh } = typeOf(o);
  const { x0, labelW, pad } = c;
  const barH = c.compact ? 12 : Math.min(28, 14 + grow * 0.3);
  const barY = c.compact ? 5 : 6;
  const row = el(doc, 'g', { class: st.inView ? 'step' : 'step is-out', 'data-batch': st.batch.id, opacity: st.inView ? null : 0.4 }, g);
  const label = wrap(`${st.batch.date ?? st.batch.year}`, labelW - 8, f(11), 1)[0]!;
  text(doc, label, { x: x0 - 8, y: y + 15 + (barH - 14) / 2, 'text-anchor': 'end', 'font-size': f(11) }, row);
  let x = x0;
  for (const r of REGION_IDS) {
    const n = st.foundByRegion[r];
    if (!n) continue;
    const w = xs(n) - xs(0);
    const seg = el(doc, 'rect', { class: 'bar bar-found', 'data-region': r, x, y: y + barY, width: w, height: barH, fill: REGION_COLORS[r] }, row);
    hint(doc, seg, `${rname(r, lang)}: ${tx(lang, 'chart.batches.found', { n })}`);
    x += w;
  }
  if (st.officialTotal != null) el(doc, 'rect', { class: 'bar bar-official', x: x0, y: y + barY - (c.compact ? 2 : 4), width: Math.max(0, xs(st.officialTotal) - x0), height: barH + (c.compact ? 4 : 8), fill: 'none', stroke: INK, 'stroke-width': 1.2 }, row);
  if (c.compact) {
    // The counts in one line right of the bar (or its outline), shortened to the room left.
    const end = Math.max(x, st.officialTotal != null ? xs(st.officialTotal) : x0) + 6;
    text(doc, fit(stepText(st, lang), width - pad - end, f(10)), { x: end, y: y + 14, 'font-size': f(10), fill: MUTED }, row);
    return y + rowH;
  }
  const lines = wrap(stepText(st, lang), width - x0 - pad, f(11), 2);
  lines.forEach((l, i) => text(doc, l, { x: x0, y: y + lh(11, 36) + barH - 14 + i * lh(11, 13), 'font-size': f(11), fill: MUTED }, row));
  return y + lh(11, rowH) + (lines.length - 1) * lh(11, 13) + grow;
}
