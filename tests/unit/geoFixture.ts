/** A tiny BaseGeometry and marks made in code, for map unit tests (no production files). */
import type { BaseGeometry } from '../../src/map/geo.ts';
import { toBaseGeometry } from '../../src/map/geo.ts';
import type { Topology } from 'topojson-specification';
import type { ClusterMark } from '../../src/data/marks.ts';
import type { ClusterRow, SiteRow } from '../../src/data/schema.ts';

/** Clockwise, as d3-geo reads an exterior ring (counter-clockwise would be the globe minus the square). */
const square = (x: number, y: number, s: number) => [[[x, y], [x, y + s], [x + s, y + s], [x + s, y], [x, y]]];

export function fixtureGeometry(): BaseGeometry {
  const provs = [
    { adcode: '610000', name_zh: '陕西省', name_en: 'Shaanxi', region: 'west', box: [100, 30, 10] },
    { adcode: '210000', name_zh: '辽宁省', name_en: 'Liaoning', region: 'northeast', box: [120, 40, 8] },
    { adcode: '460000', name_zh: '海南省', name_en: 'Hainan', region: 'east', box: [108.5, 18.2, 2] },
    { adcode: '710000', name_zh: '台湾省', name_en: 'Taiwan', region: 'none', box: [120, 22, 2] },
  ] as const;
  // A non-topological "topology": every polygon its own arcs (enough for topojson-client's feature/mesh).
  const arcs: number[][][] = [];
  const geometries = provs.map((p, i) => {
    arcs.push(square(p.box[0], p.box[1], p.box[2])[0]!);
    const [x, y, s] = p.box;
    return { type: 'Polygon', arcs: [[i]], properties: { adcode: p.adcode, name_zh: p.name_zh, short_zh: p.name_zh.slice(0, 2), name_en: p.name_en, region: p.region, label: [x + s / 2, y + s / 2] } };
  });
  arcs.push(square(73.4, 18, 62)[0]!);
  const topo = {
    type: 'Topology',
    arcs,
    objects: {
      provinces: { type: 'GeometryCollection', geometries },
      nation: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[provs.length]], properties: {} }] },
    },
  } as unknown as Topology;
  return toBaseGeometry(topo, {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { kind: 'dash', name_zh: '南海断续线', name_en: 'dashed line' }, geometry: { type: 'LineString', coordinates: [[110, 10], [111, 8]] } },
      { type: 'Feature', properties: { kind: 'island', name_zh: '黄岩岛', name_en: 'Huangyan Island' }, geometry: { type: 'Point', coordinates: [117.75, 15.15] } },
      { type: 'Feature', properties: { kind: 'island', name_zh: '曾母暗沙', name_en: 'Zengmu Ansha' }, geometry: { type: 'Point', coordinates: [112.28, 3.97] } },
      { type: 'Feature', properties: { kind: 'island-group', name_zh: '南沙群岛', name_en: 'Nansha Islands' }, geometry: { type: 'Point', coordinates: [114, 9] } },
    ],
  });
}

/** Sequence numbers for fixture marks: distinct across every mark made here. */
let nextSeq = 0;

export function fixtureMark(id: string, o: { lon: number; lat: number; precision?: SiteRow['precision']; value?: number | null; name?: string; region?: ClusterMark['region']; others?: [number, number][] }): ClusterMark {
  const site = (k: number, lon: number, lat: number): SiteRow =>
    ({ id: `${id}-s${k}`, cluster_id: id, place_zh: '某地', place_en: 'Somewhere', adcode: '610100', precision: k === 1 ? (o.precision ?? 'county') : 'county', lon, lat, coord_source: 'test', source_id: 's', section_zh: 'a', section_en: 'a', notes_zh: null, notes_en: null }) as SiteRow;
  const cluster = { id, name_zh: o.name ?? `集群${id}`, name_en: o.name ?? `Cluster ${id}`, sector: 'equipment', province_adcode: '610000' } as ClusterRow;
  const value = o.value === undefined ? 100 : o.value;
  return { cluster, label: { zh: cluster.name_zh, en: cluster.name_en }, region: o.region ?? 'west', anchor: site(1, o.lon, o.lat), others: (o.others ?? []).map(([x, y], i) => site(i + 2, x, y)), figure: null, other: null, value, seq: nextSeq++ };
}
