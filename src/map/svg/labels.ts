/** The SVG map's province names: larger provinces first, none over another name or hidden under marks. */
import { geoArea, type GeoProjection } from 'd3-geo';
import type { BaseGeometry } from '../geo.ts';
import type { Lang } from '../../i18n/index.ts';
import { BASE } from '../../theme/palette.ts';
import { svgEl, round } from './dom.ts';
import type { Size } from './projection.ts';

/** A circle drawn on the map, in px. */
export interface Circle {
  x: number;
  y: number;
  r: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Label = BaseGeometry['labels']['features'][number];

/**
 * Province names, larger provinces first; a name that would overlap one already placed is left out.
 * `groups`: marks packed around a point; `circles`: everything drawn that a name should not hide under.
 */
export function drawLabels(layer: SVGGElement, geo: BaseGeometry, lang: Lang, projection: GeoProjection, size: Size, groups: readonly Circle[], circles: readonly Circle[]): void {
  layer.replaceChildren();
  const fontSize = size.width < 520 ? 10 : 12;
  const placed: Box[] = [];
  for (const f of labelsBySize(geo)) {
    const p = projection(f.geometry.coordinates as [number, number]);
    if (!p) continue;
    const text = lang === 'en' ? f.properties.name_en : f.properties.short_zh;
    const y = labelY(p, textWidth(text, fontSize), fontSize, size, placed, groups, circles);
    if (y === null) continue;
    const [x] = p;
    placed.push(boxAt(x, y, textWidth(text, fontSize), fontSize));
    const t = svgEl(layer.ownerDocument, 'text', { class: 'province-label', x: round(x), y: round(y), 'font-size': fontSize, 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: BASE.label, stroke: BASE.labelHalo, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke', 'data-adcode': f.properties.adcode });
    t.textContent = text;
    layer.append(t);
  }
}

/** Where a name at point p goes (the y of its middle), or null where it has no room. */
function labelY([x, y]: [number, number], w: number, fontSize: number, size: Size, placed: readonly Box[], groups: readonly Circle[], circles: readonly Circle[]): number | null {
  // A packed group of marks at a province's label point (its clusters placed only in the province)
  // pushes that province's name above the group.
  const own = groups.find((g) => Math.hypot(g.x - x, g.y - y) <= fontSize / 2);
  if (own) y = own.y - own.r - fontSize * 0.7;
  // A name that marks would cover more than a sliver of moves a line up or down, or is left out.
  const covered = (b: Box) => circles.some((c) => c.r - Math.hypot(c.x - clamp(c.x, b.x0, b.x1), c.y - clamp(c.y, b.y0, b.y1)) > 1.5);
  const free = (b: Box) => b.x0 >= 0 && b.x1 <= size.width && b.y0 >= 0 && b.y1 <= size.height && !placed.some((o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1);
  const offsets = own ? [0] : [0, -1.1 * fontSize, 1.1 * fontSize];
  return offsets.map((dy) => y + dy).find((cy) => free(boxAt(x, cy, w, fontSize)) && (own || !covered(boxAt(x, cy, w, fontSize)))) ?? null;
}

function boxAt(x: number, cy: number, w: number, fontSize: number): Box {
  return { x0: x - w / 2 - 1, y0: cy - fontSize / 2 - 1, x1: x + w / 2 + 1, y1: cy + fontSize / 2 + 1 };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** Approximate width of a label: CJK characters are square, Latin ones about 0.58 em. */
function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.58;
  return w * fontSize;
}

/**
 * Province labels, the largest province first: by the rank the data build stored (label_rank), else by
 * spherical area; once per geometry, for every map drawn from it.
 */
const labelOrders = new WeakMap<BaseGeometry, Label[]>();
function labelsBySize(geo: BaseGeometry): Label[] {
  let order = labelOrders.get(geo);
  if (!order) {
    const ranked = geo.labels.features.every((f) => typeof f.properties.label_rank === 'number');
    const area = ranked ? null : new Map(geo.provinces.features.map((p) => [p.properties.adcode, geoArea(p)]));
    order = geo.labels.features
      .map((f) => ({ f, key: area ? -(area.get(f.properties.adcode) ?? 0) : f.properties.label_rank! }))
      .sort((a, b) => a.key - b.key || a.f.properties.adcode.localeCompare(b.f.properties.adcode))
      .map((x) => x.f);
    labelOrders.set(geo, order);
  }
  return order;
}
