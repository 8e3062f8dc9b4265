/**
 * Typed deck.gl layer factories for the cluster marks. Stable ids; `data` arrays only change when the
 * marks do; accessors that depend on hover or selection use updateTriggers.
 */
import { ScatterplotLayer, LineLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Placed } from '../layout.ts';
import type { SiteRow } from '../../data/schema.ts';
import { NEUTRAL_MARK, MARK_STROKE } from '../../theme/palette.ts';

type RGBA = [number, number, number, number];

export function hexToRgba(hex: string, alpha = 255): RGBA {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/** Web-Mercator world pixels at a zoom (maplibre's 512-px tiles), and back. */
function project(lon: number, lat: number, zoom: number): [number, number] {
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
  onHover(clusterId: string | null, x: number, y: number): void;
  onClick(clusterId: string): void;
}

interface SiteDot {
  site: SiteRow;
  clusterId: string;
  /** The cluster's colour: its sector's, or neutral when it has no figure for the metric and stage. */
  color: string;
  from: [number, number];
}

export function clusterLayers(o: ClusterLayerOptions): Layer[] {
  const positioned = o.placed.map((p) => ({ p, pos: placedPosition(p, o.zoom) }));
  const colorOf = (p: Placed) => (p.mark.value == null ? NEUTRAL_MARK : o.sectorColor(p.mark.cluster.sector));
  const dots: SiteDot[] = [];
  for (const { p, pos } of positioned) for (const s of p.mark.others) dots.push({ site: s, clusterId: p.mark.cluster.id, color: colorOf(p), from: pos });
  const focus = (id: string) => id === o.hotId || id === o.selectedId;
  const hover = (info: PickingInfo) => {
    const obj = info.object as { p?: Placed; clusterId?: string } | undefined;
    const id = obj?.p?.mark.cluster.id ?? obj?.clusterId ?? null;
    o.onHover(id, info.x, info.y);
  };
  const click = (info: PickingInfo) => {
    const obj = info.object as { p?: Placed; clusterId?: string } | undefined;
    const id = obj?.p?.mark.cluster.id ?? obj?.clusterId;
    if (id) o.onClick(id);
  };
  const triggers = [o.hotId, o.selectedId];
  return [
    new LineLayer<SiteDot>({
      id: 'cluster-links',
      data: dots,
      getSourcePosition: (d) => d.from,
      getTargetPosition: (d) => [d.site.lon, d.site.lat],
      getColor: (d) => hexToRgba(d.color, focus(d.clusterId) ? 220 : 0),
      getWidth: 1.5,
      widthUnits: 'pixels',
      updateTriggers: { getColor: triggers },
    }),
    new ScatterplotLayer<SiteDot>({
      id: 'cluster-sites',
      data: dots,
      getPosition: (d) => [d.site.lon, d.site.lat],
      getRadius: (d) => (focus(d.clusterId) ? 4 : 2.5),
      radiusUnits: 'pixels',
      getFillColor: (d) => hexToRgba(d.color, 230),
      stroked: true,
      getLineColor: hexToRgba(MARK_STROKE, 200),
      getLineWidth: 0.75,
      lineWidthUnits: 'pixels',
      pickable: true,
      onHover: hover,
      onClick: click,
      updateTriggers: { getRadius: triggers },
    }),
    new ScatterplotLayer<{ p: Placed; pos: [number, number] }>({
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
      // A hollow ring carries its sector's colour; without a figure it is a plain dark ring (a light
      // grey ring would vanish on the region fills).
      getLineColor: (d) =>
        d.p.mark.anchor.precision !== 'province' || d.p.mark.value == null ? hexToRgba(MARK_STROKE, 230) : hexToRgba(colorOf(d.p), 255),
      getLineWidth: (d) => (focus(d.p.mark.cluster.id) ? 3 : d.p.mark.anchor.precision === 'province' && d.p.mark.value != null ? 2 : 1),
      lineWidthUnits: 'pixels',
      pickable: true,
      onHover: hover,
      onClick: click,
      updateTriggers: { getFillColor: triggers, getLineWidth: triggers },
    }),
  ];
}
