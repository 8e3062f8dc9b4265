/**
 * Typed deck.gl layer factories for the cluster marks. Stable ids; `data` arrays only change when the
 * marks do; accessors that depend on hover or selection use updateTriggers.
 */
import { ScatterplotLayer, LineLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { PickTarget } from '../pick.ts';
import { spreadForMap, samePointPerPlace, PartCache, type Placed, type MarkGroup, type Project } from '../layout.ts';
import type { SiteRow } from '../../data/schema.ts';
import { NEUTRAL_MARK, MARK_STROKE } from '../../theme/palette.ts';

type RGBA = [number, number, number, number];

export function hexToRgba(hex: string, alpha = 255): RGBA {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/** Web-Mercator world pixels at a zoom (maplibre's 512-px tiles), and back. */
export function project(lon: number, lat: number, zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * size, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * size];
}
function unproject(x: number, y: number, zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const lon = (x / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
  return [lon, lat];
}

/** The world position of a packed mark: its anchor moved by the mark's pixel offset at this zoom. */
export function placedPosition(p: Placed, zoom: number): [number, number] {
  if (p.dx === 0 && p.dy === 0) return [p.mark.anchor.lon, p.mark.anchor.lat];
  const [x, y] = project(p.mark.anchor.lon, p.mark.anchor.lat, zoom);
  return unproject(x + p.dx, y + p.dy, zoom);
}

export interface ClusterLayerOptions {
  placed: readonly Placed[];
  zoom: number;
  sectorColor: (sectorId: string) => string;
  hotId: string | null;
  selectedId: string | null;
  /** Each province's extent ([[w, s], [e, n]] degrees): marks placed only in a province stay inside it. */
  provinceBounds?: ReadonlyMap<string, [[number, number], [number, number]]>;
  /** The outline of marks, site dots and leaders: the map palette's (light by default; light on a dark map). */
  markStroke?: string;
}

/** The marks laid out at this zoom (world pixels): overlapping ones packed with leader lines, crowded ones grouped. */
type Laid = { placed: Placed[]; groups: (MarkGroup & { position: [number, number] })[] };
/** The last layout: a hover, a highlight or locate() at the same marks and zoom reuse it (it takes seconds for 100,000 marks). */
let lastLaid: { placed: readonly Placed[]; zoom: number; bounds: unknown; laid: Laid } | null = null;

export function layoutAtZoom(placed: readonly Placed[], zoom: number, provinceBounds?: ReadonlyMap<string, [[number, number], [number, number]]>): Laid {
  if (lastLaid && lastLaid.placed === placed && lastLaid.zoom === zoom && lastLaid.bounds === provinceBounds) return lastLaid.laid;
  const laid = layoutOnce(placed, zoom, provinceBounds);
  lastLaid = { placed, zoom, bounds: provinceBounds, laid };
  return laid;
}

/**
 * What is kept at one zoom and set of province extents between layouts: each place's projected point (one
 * array per place, shared by the anchors there) and each region's layout (a filter that leaves a region as
 * it was does not lay it out again).
 */
let atZoom: { zoom: number; bounds: unknown; at: Project; parts: PartCache; rooms: Map<string, number | null> } | null = null;

function keptAt(zoom: number, provinceBounds: unknown): NonNullable<typeof atZoom> {
  if (!atZoom || atZoom.zoom !== zoom || atZoom.bounds !== provinceBounds) atZoom = { zoom, bounds: provinceBounds, at: samePointPerPlace((lon, lat) => project(lon, lat, zoom)), parts: new PartCache(), rooms: new Map() };
  return atZoom;
}

function layoutOnce(placed: readonly Placed[], zoom: number, provinceBounds?: ReadonlyMap<string, [[number, number], [number, number]]>): Laid {
  const { at, parts, rooms } = keptAt(zoom, provinceBounds);
  // Each province's room once per zoom: a crowd asks for it at each of its many joins.
  const roomOf = (adcode: string) => {
    if (rooms.has(adcode)) return rooms.get(adcode)!;
    const b = provinceBounds?.get(adcode);
    let room: number | null = null;
    if (b) {
      const [x0, y1] = project(b[0][0], b[0][1], zoom);
      const [x1, y0] = project(b[1][0], b[1][1], zoom);
      room = 0.45 * Math.min(x1 - x0, y1 - y0);
    }
    rooms.set(adcode, room);
    return room;
  };
  const s = spreadForMap(placed, at, { roomOf, parts });
  return { placed: s.placed, groups: s.groups.map((g) => Object.assign(g, { position: unproject(g.x, g.y, zoom) })) };
}

interface SiteDot {
  site: SiteRow;
  clusterId: string;
  /** The cluster's colour: its sector's, or neutral when it has no figure for the metric and stage. */
  color: string;
  from: [number, number];
}

/** The marks' positions at a zoom (cached with the layout): each packed mark where it is drawn. */
function positionsAt(placed: readonly Placed[], zoom: number, provinceBounds?: ReadonlyMap<string, [[number, number], [number, number]]>) {
  const laid = layoutAtZoom(placed, zoom, provinceBounds);
  return { laid, positioned: laid.placed.map((p) => ({ p, pos: placedPosition(p, zoom) })) };
}

/**
 * What the pointer can hit, in deck.gl's drawing order (sites, marks, groups; later over earlier), in world
 * pixels at `zoom`, of the marks as laid out at `layoutZoom` (the zoom they were drawn for): the layers are
 * not pickable, the map picks with a grid of these (../pick.ts).
 */
export function pickTargets(placed: readonly Placed[], layoutZoom: number, zoom: number, provinceBounds?: ReadonlyMap<string, [[number, number], [number, number]]>): PickTarget[] {
  const { laid, positioned } = positionsAt(placed, layoutZoom, provinceBounds);
  const out: PickTarget[] = [];
  const push = (kind: PickTarget['kind'], id: string, lon: number, lat: number, r: number) => {
    const [x, y] = project(lon, lat, zoom);
    out.push({ kind, id, x, y, r });
  };
  for (const { p } of positioned) for (const s of p.mark.others) push('site', p.mark.cluster.id, s.lon, s.lat, 3);
  for (const { p, pos } of positioned) push('mark', p.mark.cluster.id, pos[0], pos[1], p.r + 0.5);
  for (const g of laid.groups) push('group', g.key, g.position[0], g.position[1], g.r + 0.75);
  return out;
}

/** What every layer factory below needs: the options, who is in focus, and the outline colour. */
interface Styling {
  o: ClusterLayerOptions;
  colorOf: (p: Placed) => string;
  focus: (id: string) => boolean;
  triggers: unknown[];
  stroke: string;
}
type Positioned = { p: Placed; pos: [number, number] };

// Every style is an accessor, constants too: a constant is a different vertex layout, so layers of one type
// with a constant in different places need different pipelines, each compiled on its first frame (on
// software WebGL a second compile of about 250 ms, just after the swap, in which the page does not answer).
export function clusterLayers(o: ClusterLayerOptions): Layer[] {
  const { laid, positioned } = positionsAt(o.placed, o.zoom, o.provinceBounds);
  const colorOf = (p: Placed) => (p.mark.value == null ? NEUTRAL_MARK : o.sectorColor(p.mark.cluster.sector));
  const st: Styling = { o, colorOf, focus: (id) => id === o.hotId || id === o.selectedId, triggers: [o.hotId, o.selectedId], stroke: o.markStroke ?? MARK_STROKE };
  const dots: SiteDot[] = [];
  for (const { p, pos } of positioned) for (const s of p.mark.others) dots.push({ site: s, clusterId: p.mark.cluster.id, color: colorOf(p), from: pos });
  return [leaderLayer(st, positioned), ...siteLayers(st, dots), markLayer(st, positioned), groupLayer(st, laid.groups)];
}

/** A mark moved off its point keeps a leader line back to it. */
function leaderLayer(st: Styling, positioned: readonly Positioned[]): Layer {
  const leaders = positioned.filter(({ p }) => Math.hypot(p.dx, p.dy) > p.r).map(({ p, pos }) => ({ from: [p.mark.anchor.lon, p.mark.anchor.lat] as [number, number], to: pos }));
  return new LineLayer<{ from: [number, number]; to: [number, number] }>({
    id: 'cluster-leaders',
    data: leaders,
    getSourcePosition: (d) => d.from,
    getTargetPosition: (d) => d.to,
    getColor: () => hexToRgba(st.stroke, 150),
    getWidth: () => 0.75,
    widthUnits: 'pixels',
    updateTriggers: { getColor: st.stroke },
  });
}

/** A cluster's other sites: small dots, linked to its mark while it is hovered or selected. */
function siteLayers(st: Styling, dots: SiteDot[]): Layer[] {
  return [
    new LineLayer<SiteDot>({
      id: 'cluster-links',
      data: dots,
      getSourcePosition: (d) => d.from,
      getTargetPosition: (d) => [d.site.lon, d.site.lat],
      getColor: (d) => hexToRgba(d.color, st.focus(d.clusterId) ? 220 : 0),
      getWidth: () => 1.5,
      widthUnits: 'pixels',
      updateTriggers: { getColor: st.triggers },
    }),
    new ScatterplotLayer<SiteDot>({
      id: 'cluster-sites',
      data: dots,
      getPosition: (d) => [d.site.lon, d.site.lat],
      getRadius: (d) => (st.focus(d.clusterId) ? 4 : 2.5),
      radiusUnits: 'pixels',
      getFillColor: (d) => hexToRgba(d.color, 230),
      stroked: true,
      getLineColor: () => hexToRgba(st.stroke, 200),
      getLineWidth: () => 0.75,
      lineWidthUnits: 'pixels',
      updateTriggers: { getRadius: st.triggers, getLineColor: st.stroke },
    }),
  ];
}

function markLayer(st: Styling, positioned: readonly Positioned[]): Layer {
  const { colorOf, focus } = st;
  return new ScatterplotLayer<Positioned>({
    id: 'cluster-marks',
    data: positioned,
    getPosition: (d) => d.pos,
    getRadius: (d) => d.p.r,
    radiusUnits: 'pixels',
    stroked: true,
    filled: true,
    getFillColor: (d) => {
      if (d.p.mark.anchor.precision === 'province') return [255, 255, 255, 40];
      return hexToRgba(colorOf(d.p), d.p.mark.value == null ? 220 : focus(d.p.mark.cluster.id) ? 245 : 190);
    },
    // A hollow ring carries its sector's colour; without a figure it is a plain outline-coloured ring (a
    // light grey ring would vanish on the region fills).
    getLineColor: (d) =>
      d.p.mark.anchor.precision !== 'province' || d.p.mark.value == null ? hexToRgba(st.stroke, 230) : hexToRgba(colorOf(d.p), 255),
    getLineWidth: (d) => (focus(d.p.mark.cluster.id) ? 3 : d.p.mark.anchor.precision === 'province' && d.p.mark.value != null ? 2 : 1),
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: st.triggers, getLineWidth: st.triggers, getLineColor: st.stroke },
  });
}

/** Crowded marks at this zoom, drawn as one grey disc (white when all are placed only by province). */
function groupLayer(st: Styling, groups: Laid['groups']): Layer {
  return new ScatterplotLayer<Laid['groups'][number]>({
    id: 'cluster-groups',
    data: groups,
    getPosition: (g) => g.position,
    getRadius: (g) => g.r,
    radiusUnits: 'pixels',
    stroked: true,
    getFillColor: (g) => (g.provinceOnly ? [255, 255, 255, 220] : hexToRgba(NEUTRAL_MARK, 230)),
    getLineColor: () => hexToRgba(st.stroke, 230),
    getLineWidth: () => 1.5,
    lineWidthUnits: 'pixels',
    updateTriggers: { getLineColor: st.stroke },
  });
}
