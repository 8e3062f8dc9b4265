/** Linear axes from zero, drawn as plain SVG (gridlines, tick labels); fewer ticks when narrow. */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { el, text, GRID, MUTED } from './svg.ts';
import { tickCount, measure } from './layout.ts';

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
  o: { top: number; bottom: number; labelY: number; length: number; format: (v: number) => string; integer?: boolean; font?: number },
): void {
  const g = el(doc, 'g', { class: 'axis axis-x' }, parent);
  const font = o.font ?? 11;
  // Type raised above the site's (a slide): ticks apart by their labels and a gap, fewer on a narrow axis.
  const ticks = (n: number) => x.ticks(n).filter((t) => !o.integer || Number.isInteger(t));
  let n = tickCount(o.length);
  while (font > 11 && n > 2 && !spaced(ticks(n).map((v) => [x(v), measure(o.format(v), font)] as const), font)) n--;
  for (const v of ticks(n)) {
    const px = x(v);
    el(doc, 'line', { x1: px, x2: px, y1: o.top, y2: o.bottom, stroke: GRID, 'stroke-width': v === 0 ? 1.5 : 1 }, g);
    text(doc, o.format(v), { x: px, y: o.labelY, 'text-anchor': 'middle', 'font-size': font, fill: MUTED }, g);
  }
}

/** Whether centred labels (position, width) clear each other by half their size. */
function spaced(labels: readonly (readonly [number, number])[], font: number): boolean {
  return labels.every(([px, w], i) => i === 0 || px - w / 2 >= labels[i - 1]![0] + labels[i - 1]![1] / 2 + font / 2);
}

/** Horizontal gridlines and tick labels left of a vertical value axis. */
export function yAxis(
  doc: Document,
  parent: Element,
  y: ScaleLinear<number, number>,
  o: { left: number; right: number; length: number; format: (v: number) => string; font?: number },
): void {
  const g = el(doc, 'g', { class: 'axis axis-y' }, parent);
  const font = o.font ?? 11;
  // Type raised above the site's (a slide): labels at least a line and a half apart.
  let n = tickCount(o.length, 50);
  while (font > 11 && n > 2 && Math.abs(y(y.ticks(n)[1] ?? 0) - y(y.ticks(n)[0] ?? 0)) < font * 1.5) n--;
  for (const v of y.ticks(n)) {
    const py = y(v);
    el(doc, 'line', { x1: o.left, x2: o.right, y1: py, y2: py, stroke: GRID, 'stroke-width': v === 0 ? 1.5 : 1 }, g);
    text(doc, o.format(v), { x: o.left - 6, y: py + 4 + (font - 11) / 3, 'text-anchor': 'end', 'font-size': font, fill: MUTED }, g);
  }
}
