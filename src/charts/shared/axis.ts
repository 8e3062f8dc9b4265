/** Linear axes from zero, drawn as plain SVG (gridlines, tick labels); fewer ticks when narrow. */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { el, text, GRID, MUTED } from './svg.ts';
import { tickCount } from './layout.ts';

/** A scale from zero to at least max, niced; a zero max still gives a usable [0, 1]. */
export function zeroScale(max: number, range: [number, number], length: number, spacing = 80): ScaleLinear<number, number> {
  const top = max > 0 && Number.isFinite(max) ? max : 1;
  // Niced on a finer step than the ticks drawn, so a narrow chart does not waste half its width.
  return scaleLinear().domain([0, top]).range(range).nice(Math.max(5, tickCount(length, spacing) * 2));
}

/** Vertical gridlines and tick labels above (or below) a horizontal value axis. */
export function xAxis(
  doc: Document,
  parent: Element,
  x: ScaleLinear<number, number>,
  o: { top: number; bottom: number; labelY: number; length: number; format: (v: number) => string; integer?: boolean },
): void {
  const g = el(doc, 'g', { class: 'axis axis-x' }, parent);
  for (const v of x.ticks(tickCount(o.length)).filter((t) => !o.integer || Number.isInteger(t))) {
    const px = x(v);
    el(doc, 'line', { x1: px, x2: px, y1: o.top, y2: o.bottom, stroke: GRID, 'stroke-width': v === 0 ? 1.5 : 1 }, g);
    text(doc, o.format(v), { x: px, y: o.labelY, 'text-anchor': 'middle', 'font-size': 11, fill: MUTED }, g);
  }
}

/** Horizontal gridlines and tick labels left of a vertical value axis. */
export function yAxis(
  doc: Document,
  parent: Element,
  y: ScaleLinear<number, number>,
  o: { left: number; right: number; length: number; format: (v: number) => string },
): void {
  const g = el(doc, 'g', { class: 'axis axis-y' }, parent);
  for (const v of y.ticks(tickCount(o.length, 50))) {
    const py = y(v);
    el(doc, 'line', { x1: o.left, x2: o.right, y1: py, y2: py, stroke: GRID, 'stroke-width': v === 0 ? 1.5 : 1 }, g);
    text(doc, o.format(v), { x: o.left - 6, y: py + 4, 'text-anchor': 'end', 'font-size': 11, fill: MUTED }, g);
  }
}
