/**
 * Regional context: each region's share of national GDP as lines, and optionally the growth index as a
 * second small chart below (never a second axis on the same chart). Lines labelled at their ends.
 */
import { color } from 'd3-color';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { REGION_COLORS } from '../../theme/palette.ts';
import { resolveBase, typeOf, type BaseOptions, type ResolvedBase } from '../shared/options.ts';
import { el, text, frame, setHeight, markClass, hint, r1, INK, MUTED, GRID } from '../shared/svg.ts';
import { wrap, measure, spread, tickCount } from '../shared/layout.ts';
import { zeroScale, yAxis } from '../shared/axis.ts';
import { plainNumber } from '../shared/format.ts';
import { tx } from '../text.ts';
import { describe as describeSeries, title as chartTitle } from './meta.ts';
import type { ContextSeries, ContextRegion } from './derive.ts';
import { maxOf } from '../../data/extent.ts';

export type ContextMode = 'share' | 'index' | 'both';
export interface ContextOptions extends BaseOptions {
  /** share: the share lines only; index: the growth index only; both (default): two small charts. */
  mode?: ContextMode;
  /** Height of each plot in px (default 200, 160 when narrower than 480 px). */
  plotHeight?: number | null;
}

export const DEFAULTS = { mode: 'both' as ContextMode, plotHeight: null } as const;

export function resolveOptions(o: ContextOptions): ResolvedBase & { mode: ContextMode; plotHeight: number } {
  const base = resolveBase('context', o);
  const mode = o.mode ?? DEFAULTS.mode;
  if (!['share', 'index', 'both'].includes(mode)) throw new Error(`context: options.mode must be share, index or both (got ${String(mode)})`);
  const plotHeight = o.plotHeight ?? (base.width < 480 ? 160 : 200);
  if (!Number.isFinite(plotHeight) || plotHeight < 60 || plotHeight > 2000) throw new Error(`context: options.plotHeight must be between 60 and 2000 px (got ${plotHeight})`);
  return { ...base, mode, plotHeight };
}

const lineColor = (r: string) => color(REGION_COLORS[r as 'east'])?.darker(1.1).formatHex() ?? INK;

export function render(series: ContextSeries, options: ContextOptions, doc: Document): SVGSVGElement {
  const o = resolveOptions(options);
  const { width, lang } = o;
  const pad = 12;
  const svg = frame(doc, { width, height: 300, title: chartTitle(series, lang), desc: describeSeries(series, lang), idPrefix: o.idPrefix, chart: 'context' });
  let y = pad;
  if (o.mode !== 'index') y = panel(series, o, doc, svg, y, 'share');
  if (o.mode !== 'share') y = panel(series, o, doc, svg, y + (o.mode === 'both' ? 12 : 0), 'index');
  setHeight(svg, width, o.height ?? y + pad);
  return svg;
}

function panel(series: ContextSeries, o: ResolvedBase & { plotHeight: number }, doc: Document, svg: SVGSVGElement, y0: number, kind: 'share' | 'index'): number {
  const { lang, width } = o;
  const { f, lh } = typeOf(o);
  const pad = 12;
  const first = series.years[0] ?? 0;
  const g = el(doc, 'g', { class: `panel panel-${kind}` }, svg);
  let y = y0;
  const heading = kind === 'share' ? tx(lang, 'chart.context.share') : tx(lang, 'chart.context.index', { first });
  for (const l of wrap(heading, width - 2 * pad, 13, 2)) {
    text(doc, l, { x: pad, y: y + 13, 'font-size': 13, 'font-weight': 600 }, g);
    y += 18;
  }
  y += 12;
  const valuesOf = (r: ContextRegion) => (kind === 'share' ? r.share : r.index);
  const labelRoom = Math.min(width * 0.3, maxOf(series.regions.map((r) => measure(tx(lang, `region.${r.region}` as 'region.east'), f(11)))) + 40 + (f(11) - 11) * 3);
  const left = pad + 40;
  const right = width - pad - labelRoom;
  const top = y;
  const bottom = top + o.plotHeight;
  const max = Math.max(0, ...series.regions.flatMap((r) => valuesOf(r).filter((v): v is number => v != null)));
  const ys = zeroScale(max, [bottom, top], o.plotHeight, 45);
  yAxis(doc, g, ys, { left, right, length: o.plotHeight, format: (v) => (kind === 'share' ? `${plainNumber(v, lang, 0)}%` : plainNumber(v, lang, 0)), font: f(11) });
  const xs = scaleLinear().domain([first, series.years[series.years.length - 1] ?? first + 1]).range([left, right]);
  yearAxis(doc, g, xs, series.years, bottom, right - left, f(11));
  const path = line<[number, number | null]>()
    .defined((d) => d[1] != null)
    .x((d) => r1(xs(d[0])))
    .y((d) => r1(ys(d[1]!)));
  const ends: { r: ContextRegion; y: number; v: number }[] = [];
  for (const r of series.regions) {
    const hl = o.highlight === r.region;
    const vals = valuesOf(r);
    const pts = series.years.map((yr, i): [number, number | null] => [yr, vals[i] ?? null]);
    const p = el(doc, 'path', { class: markClass('line', hl), 'data-region': r.region, d: path(pts) ?? '', fill: 'none', stroke: lineColor(r.region), 'stroke-width': hl ? 4 : 2.25, 'stroke-linejoin': 'round' }, g);
    hint(doc, p, tx(lang, `region.${r.region}` as 'region.east'));
    const lastIdx = vals.map((v, i) => (v == null ? -1 : i)).reduce((a, b) => Math.max(a, b), -1);
    if (lastIdx >= 0) ends.push({ r, y: ys(vals[lastIdx]!), v: vals[lastIdx]! });
  }
  const ly = spread(ends.map((e) => e.y), lh(11, 14), top, bottom);
  ends.forEach((e, i) => {
    const hl = o.highlight === e.r.region;
    const v = kind === 'share' ? `${plainNumber(e.v, lang)}%` : plainNumber(e.v, lang, 0);
    text(doc, `${tx(lang, `region.${e.r.region}` as 'region.east')} ${v}`, { class: markClass('end-label', hl), 'data-region': e.r.region, x: right + 6, y: ly[i]! + 4, 'font-size': f(11), 'font-weight': hl ? 700 : 400, fill: lineColor(e.r.region) }, g);
  });
  if (kind === 'index') el(doc, 'line', { class: 'base-line', x1: left, x2: right, y1: ys(100), y2: ys(100), stroke: MUTED, 'stroke-dasharray': '4 3' }, g);
  return bottom + lh(11, 28);
}

function yearAxis(doc: Document, g: Element, xs: ScaleLinear<number, number>, years: readonly number[], y: number, length: number, font: number): void {
  const ax = el(doc, 'g', { class: 'axis axis-year' }, g);
  // A year's label and a gap per tick: 56 px at the site's type.
  const n = tickCount(length, 56 + (font - 11) * 3);
  const span = (years[years.length - 1] ?? 0) - (years[0] ?? 0);
  const step = [1, 2, 4, 5, 10, 20].find((s) => span / s <= n) ?? 20;
  for (const yr of years) {
    if ((yr - years[0]!) % step !== 0 && yr !== years[years.length - 1]) continue;
    if (yr === years[years.length - 1] && (yr - years[0]!) % step !== 0 && span % step < step / 2) continue;
    el(doc, 'line', { x1: xs(yr), x2: xs(yr), y1: y, y2: y + 4, stroke: MUTED }, ax);
    text(doc, String(yr), { x: xs(yr), y: y + 16 + font - 11, 'text-anchor': 'middle', 'font-size': font, fill: MUTED }, ax);
  }
  el(doc, 'line', { x1: xs(years[0]!), x2: xs(years[years.length - 1]!), y1: y, y2: y, stroke: GRID }, ax);
}
