/** The committed dataset: builds cleanly, covers the documents, and every place is where it says it is. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import { buildAtlas } from '../../src/data/validate.ts';
import { TABLES, type Atlas } from '../../src/data/schema.ts';

const files = Object.fromEntries(Object.keys(TABLES).map((n) => [n, readFileSync(`data/${n}`, 'utf8')]));
const { atlas: built, errors } = buildAtlas(files);
const atlas = built as Atlas;

function features(file: string, object: string): Map<string, Feature<Geometry, { adcode: string }>> {
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const fc = feature(topo, topo.objects[object] as GeometryCollection<{ adcode: string }>);
  return new Map(fc.features.map((f) => [f.properties.adcode, f as Feature<Geometry, { adcode: string }>]));
}
const provinces = features('data/geo/provinces.topo.json', 'provinces');
const prefectures = features('data/geo/prefectures.topo.json', 'prefectures');
/** Prefecture-level code of a county code: 210281 → 210200 (municipalities and direct counties handled below). */
const prefectureOf = (code: string) => code.slice(0, 4) + '00';

describe('the committed dataset', () => {
  it('builds without a single error', () => {
    expect(errors).toEqual([]);
  });

  it('puts every province in exactly one region or none, matching the geometry', () => {
    expect(atlas.regions).toHaveLength(34);
    expect(new Set(atlas.regions.map((r) => r.adcode)).size).toBe(34);
    expect([...provinces.keys()].sort()).toEqual(atlas.regions.map((r) => r.adcode).sort());
    const count = (region: string) => atlas.regions.filter((r) => r.region === region).length;
    expect([count('east'), count('central'), count('west'), count('northeast'), count('none')]).toEqual([10, 6, 12, 3, 3]);
    expect(atlas.regions.filter((r) => r.region === 'none').map((r) => r.name_zh).sort()).toEqual(['台湾省', '澳门特别行政区', '香港特别行政区'].sort());
  });

  it('places every site inside its province, and inside its prefecture where precision allows', { timeout: 30_000 }, () => {
    const outside: string[] = [];
    for (const s of atlas.sites) {
      const prov = provinces.get(s.adcode.slice(0, 2) + '0000');
      if (!prov || !geoContains(prov, [s.lon, s.lat])) outside.push(`${s.id} not in province ${s.adcode.slice(0, 2)}0000`);
      if (s.precision === 'county' || s.precision === 'prefecture' || s.precision === 'park') {
        // A municipality's districts lie in the municipality's own polygon (北京 110000).
        const pref = prefectures.get(prefectureOf(s.adcode)) ?? prefectures.get(s.adcode) ?? prefectures.get(s.adcode.slice(0, 2) + '0000');
        if (!pref) outside.push(`${s.id}: no prefecture polygon for ${s.adcode}`);
        else if (!geoContains(pref, [s.lon, s.lat])) outside.push(`${s.id} not in prefecture ${pref.properties.adcode}`);
      }
    }
    expect(outside).toEqual([]);
    // The containment test itself must discriminate: each site falls in exactly one province polygon.
    for (const s of atlas.sites) {
      const hits = [...provinces.values()].filter((p) => geoContains(p, [s.lon, s.lat])).map((p) => p.properties.adcode);
      expect(hits, s.id).toEqual([s.adcode.slice(0, 2) + '0000']);
    }
  });

  it('gives every figure a source and a section, and no year a source does not support', () => {
    const sources = new Map(atlas.sources.map((s) => [s.id, s]));
    for (const f of atlas.figures) {
      expect(sources.has(f.source_id), f.id).toBe(true);
      expect(f.section_zh.trim() && f.section_en.trim(), f.id).toBeTruthy();
      if (f.year_status === 'illegible' || f.year_status === 'none') expect(f.year, f.id).toBeNull();
      if (f.year_status === 'confirmed') expect(sources.get(f.year_source_id!)?.level, f.id).toBe('press');
      // The corrupted copy turned years into "2024": none of them may pass as a stated year.
      if (sources.get(f.source_id)?.seed_file?.startsWith('001_')) expect(f.year === 2024 && f.year_status === 'stated', f.id).toBe(false);
    }
  });

  it('gives every cluster a site and a source', () => {
    const sited = new Set(atlas.sites.map((s) => s.cluster_id));
    const sources = new Set(atlas.sources.map((s) => s.id));
    for (const c of atlas.clusters) {
      expect(sited.has(c.id), c.id).toBe(true);
      expect(sources.has(c.source_id), c.id).toBe(true);
    }
  });

  it('covers the documents: Dalian 16 with both targets, Shaanxi 20, Jilin 10, Hengshui, Luyi', () => {
    const bySource = (id: string) => atlas.clusters.filter((c) => c.source_id === id);
    const dalian = bySource('dalian-2010-67');
    expect(dalian).toHaveLength(16);
    for (const c of dalian) {
      const stages = atlas.figures.filter((f) => f.subject_id === c.id && f.metric === 'output' && f.kind === 'target').map((f) => f.stage);
      expect(stages, c.id).toEqual(expect.arrayContaining(['target-1', 'target-2']));
    }
    const shaanxi = atlas.clusters.filter((c) => c.province_adcode === '610000');
    expect(shaanxi.filter((c) => c.batch === 'shaanxi-20' && c.parent_id == null && c.status !== 'sub-cluster')).toHaveLength(20);
    expect(atlas.clusters.filter((c) => c.batch === 'jilin-2006-32')).toHaveLength(10);
    expect(atlas.clusters.filter((c) => c.batch === 'hengshui-75').length).toBeGreaterThanOrEqual(8);
    expect(atlas.clusters.filter((c) => c.batch === 'luyi-essay')).toHaveLength(1);
  });

  it('keeps the stated Dalian total beside the different sum of its parts', () => {
    const stated = atlas.figures.find((f) => f.subject_id === 'dalian-15' && f.metric === 'output' && f.stage === 'target-1');
    expect(stated?.value).toBe(8800);
    const group = atlas.groups.find((g) => g.id === 'dalian-15')!;
    const parts = atlas.figures.filter((f) => group.members.includes(f.subject_id) && f.metric === 'output' && f.stage === 'target-1' && f.comparator === '=');
    expect(parts).toHaveLength(15);
    expect(parts.reduce((s, f) => s + (f.value ?? 0), 0)).toBe(8540);
  });

  it('records the illegible amount as unknown, not as a number', () => {
    const f = atlas.figures.find((x) => x.subject_id === 'dalian-equipment' && x.metric === 'output' && x.stage === 'target-2');
    expect(f?.value).toBeNull();
    expect(f?.value_status).toBe('illegible');
  });
});

describe('the national lists in the committed dataset', () => {
  it('never finds more rows than a list officially holds, and says why it finds fewer', async () => {
    const { completeness } = await import('../../src/data/layers.ts');
    for (const c of completeness(atlas)) {
      if (c.official != null) expect(c.found + c.lowOnly, c.batch.id).toBeLessThanOrEqual(c.official);
      if (c.official != null && c.found < c.official && c.programme.level === 'national') expect(c.batch.completeness_zh, c.batch.id).toBeTruthy();
    }
  });

  it('the 2022 regional split of the advanced manufacturing clusters is the official 30 / 8 / 5 / 2', () => {
    const split = ['east', 'central', 'west', 'northeast'].map((r) => atlas.figures.find((f) => f.batch === 'amc-2022' && f.subject_id === r && f.metric === 'designated-total')?.value);
    expect(split).toEqual([30, 8, 5, 2]);
  });

  it('a cluster named after several cities has a site in each, and every site of a cluster is distinct', () => {
    const sites = atlas.sites.filter((s) => s.cluster_id === 'amc24-gba-nev').map((s) => s.adcode);
    expect(sites).toEqual(['440100', '440300', '440600', '441300', '441900', '442000']);
    const cross = atlas.sites.filter((s) => s.cluster_id === 'amc24-bht-machinetools').map((s) => s.adcode.slice(0, 2));
    expect(new Set(cross)).toEqual(new Set(['61', '62']));
  });
});
