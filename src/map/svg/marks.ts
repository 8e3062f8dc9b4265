/**
 * The SVG map's marks: the layout both maps share (layout.ts's spreadForMap) drawn as circles, dots for a
 * cluster's other sites, leader lines back to a moved mark's point, and rings for groups of marks.
 */
import type { GeoProjection } from 'd3-geo';
import { spreadForMap, samePointPerPlace, sizedMarks, readableGroups, type SizeScale, type Placed, type MarkGroup, type Project } from '../layout.ts';
import type { ClusterMark } from '../../data/marks.ts';
import type { Lang } from '../../i18n/index.ts';
import { NEUTRAL_MARK, MARK_STROKE } from '../../theme/palette.ts';
import { svgEl, round, titleOf, type Attrs } from './dom.ts';
import { groupNames } from '../groupText.ts';
import type { Circle } from './labels.ts';

const SITE_RADIUS = 2.5;
/** Names a group ring's title lists before saying how many more it holds. */
const GROUP_TITLE_NAMES = 30;
const HOLLOW_STROKE = 2.5;

export interface MarksToDraw {
  marks: ClusterMark[];
  scale: SizeScale;
  selectedId: string | null;
  projection: GeoProjection;
  /** The room inside a province (px), for the layout. */
  roomOf(adcode: string): number | null;
  /** Groups the reader opened. */
  expanded: ReadonlySet<string>;
  lang: Lang;
  sectorColor(sectorId: string): string;
  /** A group's ring clicked: the map opens it. */
  onOpenGroup(key: string): void;
}

/** What the marks cover, for the names drawn after them: groups of marks (one circle each) and every circle. */
export interface Covered {
  groups: Circle[];
  circles: Circle[];
}

export function drawMarks(sites: SVGGElement, layer: SVGGElement, o: MarksToDraw): Covered {
  // One projected array per place, for the layout and the drawing: 100,000 marks stand on a few thousand places.
  const at = samePointPerPlace((lon, lat) => o.projection([lon, lat]));
  const spread = spreadForMap(sizedMarks(o.marks, o.scale), at, { roomOf: o.roomOf, expanded: o.expanded });
  const placed = spread.placed;
  // The selected cluster is drawn last, on top.
  placed.sort((a, b) => Number(a.mark.cluster.id === o.selectedId) - Number(b.mark.cluster.id === o.selectedId));
  const groups = new Map<string, Circle>();
  const circles: Circle[] = [];
  for (const pl of placed) {
    const c = at(pl.mark.anchor);
    if (!c) continue;
    drawMark(sites, layer, pl, c, o, circles, at);
    // Marks moved off one point are a group for the names: a circle around all of them.
    if (pl.dx !== 0 || pl.dy !== 0) {
      const key = `${round(c[0])},${round(c[1])}`;
      const g = groups.get(key) ?? { x: c[0], y: c[1], r: 0 };
      g.r = Math.max(g.r, Math.hypot(pl.dx, pl.dy) + pl.r);
      groups.set(key, g);
    }
  }
  const readable = new Set(readableGroups(spread.groups));
  for (const g of spread.groups) {
    layer.append(groupRing(layer.ownerDocument, g, o, readable.has(g)));
    groups.set(g.key, { x: g.x, y: g.y, r: g.r });
    circles.push(g);
  }
  return { groups: [...groups.values()], circles };
}

/** One cluster: dots at its other sites, its mark (moved by the layout), a leader line when moved off its point. */
function drawMark(sites: SVGGElement, layer: SVGGElement, pl: Placed, c: [number, number], o: MarksToDraw, circles: Circle[], at: Project): void {
  const doc = layer.ownerDocument;
  const { mark } = pl;
  const id = mark.cluster.id;
  const colour = mark.value == null ? NEUTRAL_MARK : o.sectorColor(mark.cluster.sector);
  const name = mark.label[o.lang];
  for (const s of mark.others) {
    const p = at(s);
    if (!p) continue;
    const dot = svgEl(doc, 'circle', { class: 'site', cx: round(p[0]), cy: round(p[1]), r: SITE_RADIUS, fill: colour, stroke: MARK_STROKE, 'stroke-width': 0.5, 'data-cluster': id });
    dot.append(titleOf(doc, name));
    sites.append(dot);
    circles.push({ x: p[0], y: p[1], r: SITE_RADIUS });
  }
  const hollow = mark.anchor.precision === 'province';
  // A hollow ring is drawn inside its radius, so packed rings keep their gap.
  const attrs: Attrs = hollow
    ? { class: mark.value == null ? 'mark is-hollow is-empty' : 'mark is-hollow', r: round(Math.max(1, pl.r - HOLLOW_STROKE / 2)), fill: 'none', stroke: mark.value == null ? MARK_STROKE : colour, 'stroke-width': mark.value == null ? 1.2 : HOLLOW_STROKE }
    : { class: 'mark', r: round(pl.r), fill: colour, stroke: MARK_STROKE, 'stroke-width': 1 };
  const circle = svgEl(doc, 'circle', { ...attrs, cx: round(c[0] + pl.dx), cy: round(c[1] + pl.dy), 'data-cluster': id, 'data-precision': mark.anchor.precision });
  circle.append(titleOf(doc, name));
  layer.append(circle);
  circles.push({ x: c[0] + pl.dx, y: c[1] + pl.dy, r: pl.r });
  // A mark moved off its point keeps a leader line back to it.
  if (Math.hypot(pl.dx, pl.dy) > pl.r) sites.append(svgEl(doc, 'line', { class: 'leader', x1: round(c[0]), y1: round(c[1]), x2: round(c[0] + pl.dx), y2: round(c[1] + pl.dy), stroke: MARK_STROKE, 'stroke-width': 0.75, 'stroke-opacity': 0.6, 'data-cluster': id }));
}

/** A group of marks too many for their room: a ring with their count (unless a ring above covers it: `counted`); a click opens it. */
function groupRing(doc: Document, g: MarkGroup, o: MarksToDraw, counted: boolean): SVGGElement {
  const node = svgEl(doc, 'g', { class: 'mark-group', 'data-group': g.key, 'data-count': g.count });
  node.append(svgEl(doc, 'circle', { cx: round(g.x), cy: round(g.y), r: round(g.r), fill: g.provinceOnly ? '#FFFFFF' : NEUTRAL_MARK, 'fill-opacity': 0.85, stroke: MARK_STROKE, 'stroke-width': 1.5 }));
  const count = svgEl(doc, 'text', { x: round(g.x), y: round(g.y), 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 11, 'font-weight': 600, fill: MARK_STROKE });
  count.textContent = String(g.count);
  if (counted) node.append(count);
  node.append(titleOf(doc, groupNames(g, o.lang, GROUP_TITLE_NAMES).join('\n')));
  const key = g.key; // the listener keeps the key, not the group with its members
  node.addEventListener('click', () => o.onOpenGroup(key));
  return node;
}
