/** Geometry loading and conversion for the map (shared by the WebGL map and the SVG fallback). */
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, Geometry, Point } from 'geojson';
import { fetchJson } from '../data/load.ts';

export interface ProvinceProps {
  adcode: string;
  name_zh: string;
  name_en: string;
  region: 'east' | 'central' | 'west' | 'northeast' | 'none';
  label: [number, number];
  /** The short form for map labels, added by the data build (scripts/build-data.ts). */
  short_zh: string;
  /** Place by area, 0 the largest, added by the data build: a larger province's label wins a collision. */
  label_rank?: number;
}

export interface ScsProps {
  kind: 'dash' | 'island' | 'island-group';
  name_zh: string;
  name_en: string;
}

export interface BaseGeometry {
  provinces: FeatureCollection<Geometry, ProvinceProps>;
  /** Inner province borders only (shared arcs), so coasts are not stroked twice. */
  borders: MultiLineString;
  nation: FeatureCollection<Geometry>;
  labels: FeatureCollection<Point, ProvinceProps>;
  scs: FeatureCollection<Geometry, ScsProps>;
}

export function toBaseGeometry(topo: Topology, scs: FeatureCollection<Geometry, ScsProps>): BaseGeometry {
  const provObj = topo.objects['provinces'] as GeometryCollection<ProvinceProps> | undefined;
  const nationObj = topo.objects['nation'] as GeometryCollection | undefined;
  if (!provObj || !nationObj) throw new Error('provinces.topo.json lacks the provinces or nation object');
  const provinces = feature(topo, provObj) as FeatureCollection<Geometry, ProvinceProps>;
  const labels: FeatureCollection<Point, ProvinceProps> = {
    type: 'FeatureCollection',
    features: provinces.features.map((f) => ({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: 'Point', coordinates: f.properties.label },
    })),
  };
  return {
    provinces,
    borders: mesh(topo, provObj, (a, b) => a !== b),
    nation: feature(topo, nationObj) as FeatureCollection<Geometry>,
    labels,
    scs,
  };
}

let loading: Promise<BaseGeometry> | null = null;

/** The base geometry, fetched once per page (a page's entry may start it before the page's own code); a failed load is tried again on the next call. */
export function loadBaseGeometry(): Promise<BaseGeometry> {
  loading ??= Promise.all([fetchJson('provinces.topo.json'), fetchJson('south-china-sea.json')]).then(
    ([topo, scs]) => toBaseGeometry(topo as Topology, scs as FeatureCollection<Geometry, ScsProps>),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** China's extent for the initial view: west of Xinjiang to the Wusu Li, Mohe to Hainan's southern tip. */
export const CHINA_BOUNDS: [[number, number], [number, number]] = [
  [73.4, 18.1],
  [135.1, 53.6],
];

/**
 * A feature's extent in degrees ([[w, s], [e, n]] of its vertices), once per feature: d3's geoBounds less
 * the bulge of great-circle edges, which for this geometry's short edges is nothing a pixel shows, at a
 * fraction of its cost (spherical bounds of every province took about 40 ms of the WebGL map's start).
 */
const extents = new WeakMap<object, [[number, number], [number, number]]>();
export function featureExtent(f: Feature<Geometry, unknown>): [[number, number], [number, number]] {
  let b = extents.get(f);
  if (!b) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    const visit = (c: unknown): void => {
      if (typeof (c as number[])[0] === 'number') {
        const [x, y] = c as [number, number];
        [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
      } else for (const x of c as unknown[]) visit(x);
    };
    const g = f.geometry;
    if (g.type !== 'GeometryCollection') visit(g.coordinates);
    extents.set(f, (b = [[w, s], [e, n]]));
  }
  return b;
}
