/**
 * One small time plot of a figure series: years across, values up from zero; actuals as filled dots
 * joined by a line, targets as hollow rings joined to the latest actual by a dashed line. A bound ("超过")
 * is marked with its comparator in the label. Shared by the national totals chart and a cluster's panel.
 */
import { scaleLinear } from 'd3-scale';
import type { FigureRow } from '../../data/schema.ts';
import type { FigureSeries } from '../../data/series.ts';
import type { Lang } from '../../i18n/index.ts';
import { formatFigureValue } from '../../i18n/format.ts';
import { MARK_STROKE } from '../../theme/palette.ts';
import { el, text, hint, INK, MUTED, GRID } from './svg.ts';
import { axisNumber } from './format.ts';
import { measure } from './layout.ts';
import { tx } from '../text.ts';
import { maxOf, minOf } from '../../data/extent.ts';

export interface PanelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  /** Years to span (shared across panels), else the series' own. */
  years?: [number, number];
}

/** Draws the plot into `parent`; returns nothing: the box is the caller's. */
export function timelinePanel(doc: Document, parent: Element, s: FigureSeries, box: PanelBox, lang: Lang): void {
  const dated = [...s.actuals, ...s.targets];
  if (!dated.length) return;
  const years = box.years ?? [minOf(dated.map((f) => f.year!)), maxOf(dated.map((f) => f.year!))];
  const left = box.x + 44, right = box.x + box.width - 12, top = box.y + 16, bottom = box.y + box.height - 18;
  const span = years[1] - years[0];
  const xs = scaleLinear().domain(span ? years : [years[0] - 1, years[0] + 1]).range([left + 8, right - 8]);
  const ys = scaleLinear().domain([0, maxOf(dated.map((f) => f.value_max ?? f.value ?? 0)) || 1]).range([bottom, top]).nice(3);
  const g = el(doc, 'g', { class: 'timeline' }, parent);
  for (const v of ys.ticks(3)) {
    el(doc, 'line', { x1: left, x2: right, y1: ys(v), y2: ys(v), stroke: GRID }, g);
    text(doc, axisNumber(v, s.actuals[0]?.unit ?? s.targets[0]?.unit ?? '', lang), { x: left - 4, y: ys(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: MUTED }, g);
  }
  const yearTicks = span <= 8 ? Array.from({ length: span + 1 }, (_, i) => years[0] + i) : xs.ticks(5).filter(Number.isInteger);
  for (const yr of yearTicks) text(doc, String(yr), { x: xs(yr), y: bottom + 14, 'text-anchor': 'middle', 'font-size': 10, fill: MUTED }, g);
  const pt = (f: FigureRow): [number, number] => [xs(f.year!), ys(f.value!)];
  if (s.actuals.length > 1) el(doc, 'path', { d: `M${s.actuals.map((f) => pt(f).join(',')).join('L')}`, fill: 'none', stroke: box.color, 'stroke-width': 2 }, g);
  const last = s.actuals[s.actuals.length - 1];
  for (const t of s.targets) {
    if (last && t.year! > last.year!) el(doc, 'line', { x1: pt(last)[0], y1: pt(last)[1], x2: pt(t)[0], y2: pt(t)[1], stroke: box.color, 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }, g);
  }
  let lastLabelEnd = -Infinity;
  for (const f of [...s.actuals, ...s.targets].sort((a, b) => a.year! - b.year!)) {
    const [cx, cy] = pt(f);
    const dot = el(doc, 'circle', { class: f.kind === 'actual' ? 'point point-actual' : 'point point-target', cx, cy, r: 4, fill: f.kind === 'actual' ? box.color : '#FFFFFF', stroke: f.kind === 'actual' ? MARK_STROKE : box.color, 'stroke-width': f.kind === 'actual' ? 0.8 : 2 }, g);
    const label = formatFigureValue(f, lang);
    hint(doc, dot, `${f.year} · ${tx(lang, `kind.${f.kind}`)} · ${label}`);
    const w = measure(label, 10);
    // Kept inside the box; labels that would run into the previous one are left to the tooltip and the table.
    const lx = Math.min(Math.max(cx, box.x + w / 2 + 2), box.x + box.width - w / 2 - 2);
    if (lx - w / 2 > lastLabelEnd + 4) {
      text(doc, label, { x: lx, y: cy - 8, 'text-anchor': 'middle', 'font-size': 10, fill: INK }, g);
      lastLabelEnd = lx + w / 2;
    }
  }
}
