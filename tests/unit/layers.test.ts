import { describe, it, expect } from 'vitest';
import { buildAtlas } from '../../src/data/validate.ts';
import { clusterMarks } from '../../src/data/marks.ts';
import { layerAtlas, programmeTotals, batchYears } from '../../src/data/layers.ts';
import { derive as regionsDerive } from '../../src/charts/regions/derive.ts';
import { validRows, toFiles } from './fixtures.ts';

function layeredRows() {
    const rows = validRows();
    rows['programmes.csv'].push({ id: 'nat', name_zh: '国家名单', name_en: 'National list', short_zh: '国家', short_en: 'National', level: 'national', issuer_zh: '部', issuer_en: 'Ministry', default_on: 'false', description_zh: '', description_en: '' });
    rows['batches.csv'].push({ id: 'nat-2022', programme: 'nat', name_zh: '第一批', name_en: 'First batch', date: '2022-11-30', year: '2022', source_id: 'press-b', official_count: '', cumulative_count: '45', completeness_zh: '以图片发布', completeness_en: 'Published as an image', notes_zh: '', notes_en: '' });
    rows['sources.csv'].push({ ...rows['sources.csv'][1]!, id: 'spam', grade: 'low', date: '2023' });
    rows['clusters.csv'].push({ ...rows['clusters.csv'][0]!, id: 'n-one', batch: 'nat-2022', parent_id: '', status: 'named' });
    rows['sites.csv'].push({ ...rows['sites.csv'][0]!, id: 'n-one-s1', cluster_id: 'n-one' });
    rows['figures.csv'].push({ ...rows['figures.csv'][0]!, id: 'f-low', subject_id: 'n-one', batch: 'nat-2022', source_id: 'spam', kind: 'actual', stage: 'baseline', year: '', year_status: 'none', value: '999' });
    return rows;
}

describe('layers', () => {
  it('shows only the clusters of the programmes and batches in view, and never a low-grade figure by default', () => {
    const { atlas, errors } = buildAtlas(toFiles(layeredRows()));
    expect(errors).toEqual([]);
    const ids = (f: object) => clusterMarks(atlas!, { regions: ['northeast'], sectors: [], metric: 'output', stage: 'target-1', ...f }).map((m) => m.cluster.id).sort();
    expect(ids({})).toEqual(['c-one', 'c-two']); // default: the programmes marked default_on
    expect(ids({ layers: ['nat'] })).toEqual(['n-one']);
    expect(ids({ layers: ['nat', 'plans'], until: 2021 })).toEqual(['c-one', 'c-two']);
    expect(layerAtlas(atlas!, { layers: ['nat'] }).figures.map((f) => f.id)).toEqual([]);
    expect(layerAtlas(atlas!, { layers: ['nat'], low: true }).figures.map((f) => f.id)).toEqual(['f-low']);
    expect(batchYears(atlas!, { layers: ['nat', 'plans'] })).toEqual([2010, 2022]);
    const nat = programmeTotals(atlas!, { until: null }).find((p) => p.programme.id === 'nat')!;
    expect([nat.found, nat.official]).toEqual([1, 45]);
  });

  it('never sums a low-grade figure, even when shown', () => {
    const { atlas } = buildAtlas(toFiles(layeredRows()));
    const shown = layerAtlas(atlas!, { layers: ['nat'], low: true });
    const ne = regionsDerive(shown, { metric: 'output', stage: 'baseline' }).regions.find((r) => r.region === 'northeast')!;
    expect([ne.withFigure, ne.sum, ne.reasons]).toEqual([1, null, { 'low-grade': 1 }]);
  });

  it('sets the official count by region beside the rows found for the same list', () => {
    const rows = layeredRows();
    for (const [r, v] of [['east', '30'], ['central', '8'], ['west', '5'], ['northeast', '2']] as const)
      rows['figures.csv'].push({ ...rows['figures.csv'][2]!, id: `nat-${r}`, subject_type: 'region', subject_id: r, metric: 'designated-total', unit: 'count', comparator: '=', value: v, batch: 'nat-2022', source_id: 'press-b', year: '', year_status: 'none' });
    rows['metrics.csv'].push({ id: 'designated-total', name_zh: '累计认定集群数', name_en: 'Designated to date', unit: 'count', description_zh: '', description_en: '', mappable: 'false' });
    const { atlas, errors } = buildAtlas(toFiles(rows));
    expect(errors).toEqual([]);
    const off = regionsDerive(layerAtlas(atlas!, { layers: ['nat', 'plans'] }), { metric: 'output', stage: 'target-1' }).official;
    expect(off.byRegion).toEqual({ east: 30, central: 8, west: 5, northeast: 2 });
    expect(off.foundByRegion).toEqual({ east: 0, central: 0, west: 0, northeast: 1 });
    expect(regionsDerive(layerAtlas(atlas!, { layers: ['plans'] }), { metric: 'output', stage: 'target-1' }).official.byRegion).toBeNull();
  });
});
