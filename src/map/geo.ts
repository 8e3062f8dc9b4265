/** Geometry loading and conversion for the map (shared by the WebGL map and the SVG fallback). */
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, MultiLineString, Geometry, Point } from 'geojson';
import { fetchJson } from '../data/load.ts';

export interface ProvinceProps {
  adcode: string;
  name_zh: string;
  name_en: string;
  region: 'east' | 'central' | 'west' | 'northeast' | 'none';
  label: [number, number];
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
  labels: FeatureCollection<Point, ProvinceProps & { short_zh: string }>;
  scs: FeatureCollection<Geometry, ScsProps>;
}

export function toBaseGeometry(topo: Topology, scs: FeatureCollection<Geometry, ScsProps>): BaseGeometry {
  const provObj = topo.objects['provinces'] as GeometryCollection<ProvinceProps> | undefined;
  const nationObj = topo.objects['nation'] as GeometryCollection | undefined;
  if (!provObj || !nationObj) throw new Error('provinces.topo.json lacks the provinces or nation object');
  const provinces = feature(topo, provObj) as FeatureCollection<Geometry, ProvinceProps>;
  const labels: FeatureCollection<Point, ProvinceProps & { short_zh: string }> = {
    type: 'FeatureCollection',
    features: provinces.features.map((f) => ({
      type: 'Feature',
      properties: { ...f.properties, short_zh: shortNameZh(f.properties.name_zh) },
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

export async function loadBaseGeometry(): Promise<BaseGeometry> {
  const [topo, scs] = await Promise.all([fetchJson('provinces.topo.json'), fetchJson('south-china-sea.json')]);
  return toBaseGeometry(topo as Topology, scs as FeatureCollection<Geometry, ScsProps>);
}

/** The usual short form of a provincial unit's name for map labels: 广西壮族自治区 → 广西, 河北省 → 河北. */
export function shortNameZh(name: string): string {
  return name.replace(/(特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/, '');
}

/** China's extent for the initial view: west of Xinjiang to the Wusu Li, Mohe to Hainan's southern tip. */
export const CHINA_BOUNDS: [[number, number], [number, number]] = [
  [73.4, 18.1],
  [135.1, 53.6],
];
