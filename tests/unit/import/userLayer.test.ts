import { describe, it, expect } from 'vitest';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyUserLayer, serializeUserLayer, parseUserLayer, mapSourceLine, USER_LAYER } from '../../../src/data/userLayer.ts';
import { layerAtlas } from '../../../src/data/layers.ts';
import { clusterMarks } from '../../../src/data/marks.ts';
import { readTable } from '../../../src/import/decode.ts';
import { mapHeaders } from '../../../src/import/headers.ts';
import { buildUserLayer } from '../../../src/import/build.ts';
import { Gazetteer, type GazetteerJson } from '../../../src/import/gazetteer.ts';
import { dataPackage, templateCsv } from '../../../src/import/package.ts';
import { parseCsv } from '../../../src/data/csv.ts';
import { viewFor, viewHints } from '../../../src/import/view.ts';
import type { Atlas } from '../../../src/data/schema.ts';
import { readAtlas } from '../../atlasFile.ts';

const ROOT = join(import.meta.dirname, '../../..');
const atlas = readAtlas() as Atlas;
const gz = new Gazetteer(JSON.parse(readFileSync(join(ROOT, 'data/gazetteer/places.json'), 'utf8')) as GazetteerJson);
const layer = (mode: 'beside' | 'replace' = 'beside') => {
  const table = readTable(new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/import/excel-gbk.csv'))));
  return buildUserLayer(table, mapHeaders(table.header, atlas.metrics), { fileName: 'excel-gbk.csv', sourceLine: '衡水市统计局', grade: 'official', mode, defaultMetric: 'output', defaultStage: 'baseline', defaultYear: null, defaultSector: 'other', choices: {}, now: '2025-01-02T00:00:00.000Z' }, atlas, gz).payload;
};

describe('the user layer in the atlas', () => {
  it('is a layer like the others: beside keeps the default layers on, replace shows only it', () => {
    const beside = applyUserLayer(atlas, layer('beside'));
    const def = layerAtlas(beside, {});
    expect(def.clusters.filter((c) => c.batch === USER_LAYER)).toHaveLength(4);
    expect(def.clusters.length).toBe(layerAtlas(atlas, {}).clusters.length + 4);
    const replace = layerAtlas(applyUserLayer(atlas, layer('replace')), {});
    expect(replace.clusters.every((c) => c.batch === USER_LAYER)).toBe(true);
    // The map draws them, sized by their figures at the baseline stage.
    const marks = clusterMarks(beside, { regions: ['east', 'central', 'west', 'northeast'], sectors: [], metric: 'output', stage: 'baseline' });
    expect(marks.find((m) => m.cluster.id === 'u-4')?.value).toBe(1200);
  });

  it('is pure, replaces an earlier user layer, and round-trips through its JSON', () => {
    const before = JSON.stringify(atlas);
    const once = applyUserLayer(atlas, layer());
    expect(JSON.stringify(atlas)).toBe(before);
    const twice = applyUserLayer(once, JSON.parse(serializeUserLayer(layer())));
    expect(twice.clusters.length).toBe(once.clusters.length);
    expect(twice.programmes.filter((p) => p.id === USER_LAYER)).toHaveLength(1);
    expect(serializeUserLayer(null)).toBe('null');
  });

  it('leaves out what does not fit: not a payload, ids the atlas uses, unknown sectors', () => {
    expect(applyUserLayer(atlas, { kind: 'something else' })).toBe(atlas);
    expect('error' in parseUserLayer({})).toBe(true);
    const p = layer();
    const taken = atlas.clusters[0]!.id;
    const bad = { ...p, clusters: [{ ...p.clusters[0]!, id: taken }, { ...p.clusters[1]!, sector: 'nope' }, ...p.clusters.slice(2)] };
    const merged = applyUserLayer(atlas, bad);
    expect(merged.clusters.filter((c) => c.batch === USER_LAYER).map((c) => c.id)).toEqual(p.clusters.slice(2).map((c) => c.id));
    expect(merged.clusters.filter((c) => c.id === taken)).toHaveLength(1);
  });

  it("names the user's source line for the map and its exports", () => {
    const merged = applyUserLayer(atlas, layer());
    const label = (l: string) => `My data: ${l}.`;
    expect(mapSourceLine(merged, null, 'Atlas.', label)).toBe('Atlas. My data: 衡水市统计局.');
    expect(mapSourceLine(merged, ['user'], 'Atlas.', label)).toBe('My data: 衡水市统计局.');
    expect(mapSourceLine(merged, ['amc'], 'Atlas.', label)).toBe('Atlas.');
  });

  it('opens the view on the layer: its stage, the list, other filters cleared', () => {
    expect(viewFor(viewHints(layer()), new URL('http://x/?lang=en&layer=amc&cluster=a&stage=target-2'))).toBe('/?lang=en&stage=baseline&tab=list');
  });
});

describe('files made in the browser', () => {
  it('the templates map without editing', () => {
    for (const lang of ['zh', 'en'] as const) {
      const t = parseCsv(templateCsv(lang));
      expect(mapHeaders(t.header, atlas.metrics).map((c) => c.field)).toEqual(['name', 'place', 'value', 'year', 'stage', 'sector', 'industry', 'note']);
    }
  });

  it('the data package is a zip of the atlas CSV set', () => {
    const zip = dataPackage(layer());
    expect(new DataView(zip.buffer).getUint32(0, true)).toBe(0x04034b50);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['clusters.csv', 'sites.csv', 'figures.csv', 'sources.csv', 'programmes.csv', 'batches.csv']);
    const clusters = new TextDecoder().decode(files['clusters.csv']);
    expect(clusters).toContain('id,name_zh,name_en,sector,industry_zh');
    expect(clusters).toContain('安平丝网产业集群');
  });
});
