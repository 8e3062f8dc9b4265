/** The shipped geometry: complete, labelled inside its polygons, small, with the South China Sea symbols. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { parseCsv } from '../../src/data/csv.ts';

const raw = readFileSync('data/geo/provinces.topo.json');
const topo = JSON.parse(raw.toString('utf8')) as Topology;
type Props = { adcode: string; name_zh: string; name_en: string; region: string; label: [number, number] };
const provinces = feature(topo, topo.objects['provinces'] as GeometryCollection<Props>) as FeatureCollection<Geometry, Props>;
const regionsCsv = parseCsv(readFileSync('data/regions.csv', 'utf8'));
const regionOf = new Map(regionsCsv.rows.map((r) => [r.cells[0]!, r.cells[3]!]));

describe('shipped geometry', () => {
  it('has all 34 provincial units, each with the region of data/regions.csv', () => {
    expect(provinces.features).toHaveLength(34);
    for (const f of provinces.features) expect(f.properties.region, f.properties.name_zh).toBe(regionOf.get(f.properties.adcode));
  });

  it('puts every label point inside its own province and no other', () => {
    for (const f of provinces.features) {
      const hits = provinces.features.filter((g) => geoContains(g, f.properties.label)).map((g) => g.properties.adcode);
      expect(hits, f.properties.name_zh).toEqual([f.properties.adcode]);
    }
  });

  it('keeps the provinces well under 100 KB gzip', () => {
    expect(gzipSync(raw).length).toBeLessThan(100 * 1024);
  });

  it('carries the dashed line, 黄岩岛 and 曾母暗沙 in the South China Sea', () => {
    const scs = JSON.parse(readFileSync('data/geo/south-china-sea.json', 'utf8')) as FeatureCollection<Geometry, { kind: string; name_zh: string }>;
    const dashes = scs.features.filter((f) => f.properties.kind === 'dash');
    expect(dashes.length).toBeGreaterThanOrEqual(9);
    for (const d of dashes) expect(d.geometry.type).toBe('LineString');
    const islands = new Map(scs.features.filter((f) => f.properties.kind === 'island').map((f) => [f.properties.name_zh, f.geometry]));
    const near = (name: string, lon: number, lat: number) => {
      const g = islands.get(name);
      expect(g?.type, name).toBe('Point');
      const [x, y] = (g as { coordinates: number[] }).coordinates;
      expect(Math.abs(x! - lon) < 0.1 && Math.abs(y! - lat) < 0.1, name).toBe(true);
    };
    near('黄岩岛', 117.75, 15.15);
    near('曾母暗沙', 112.28, 3.97);
  });

  it('reaches Hainan’s southern tip and includes Taiwan and the islands', () => {
    const hainan = provinces.features.find((f) => f.properties.adcode === '460000')!;
    expect(geoContains(hainan, [109.5, 18.35])).toBe(true); // near Sanya
    const taiwan = provinces.features.find((f) => f.properties.adcode === '710000')!;
    expect(geoContains(taiwan, [121.0, 23.8])).toBe(true);
  });
});

describe('featureExtent', () => {
  it('is d3’s geoBounds for every province, to a hundredth of a degree', async () => {
    const { readFileSync } = await import('node:fs');
    const { geoBounds } = await import('d3-geo');
    const { toBaseGeometry, featureExtent } = await import('../../src/map/geo.ts');
    const read = (f: string) => JSON.parse(readFileSync(new URL(`../../data/geo/${f}`, import.meta.url), 'utf8'));
    const geo = toBaseGeometry(read('provinces.topo.json'), read('south-china-sea.json'));
    for (const f of geo.provinces.features) {
      const [a, b] = [featureExtent(f).flat(), geoBounds(f).flat()];
      a.forEach((v, i) => expect(Math.abs(v - b[i]!), `${f.properties.adcode} ${i}`).toBeLessThan(0.01));
    }
  });
});
