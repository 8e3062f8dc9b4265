import { describe, it, expect } from 'vitest';
import { figureFor, clusterMarks, availability } from './marks.ts';
import { buildAtlas } from './validate.ts';
import { validRows, toFiles } from '../../tests/unit/fixtures.ts';
import type { FigureRow, RegionId } from './schema.ts';

const base: FigureRow = {
  id: 'x', subject_type: 'cluster', subject_id: 'c', scope: 'total', coverage: null, metric: 'sales', comparator: '=', value: 100, value_max: null, value_status: 'stated',
  unit: '亿元', kind: 'target', stage: 'target-1', year: null, year_status: 'illegible', year_source_id: null, batch: 'b', source_id: 's', section_zh: 'a', section_en: 'a', note_zh: null, note_en: null,
};
const fig = (o: Partial<FigureRow>): FigureRow => ({ ...base, ...o });

describe('which figure a cluster shows', () => {
  it('prefers a point value to thresholds, and the highest threshold among thresholds', () => {
    const figs = [fig({ id: 'gt100', comparator: '>', value: 100 }), fig({ id: 'ge1000', comparator: '>=', value: 1000 })];
    expect(figureFor(figs, 'c', 'sales', 'target-1')?.id).toBe('ge1000');
    expect(figureFor([...figs, fig({ id: 'eq', value: 700 })], 'c', 'sales', 'target-1')?.id).toBe('eq');
  });
  it('never takes another metric, stage, subject or a per-member figure', () => {
    const figs = [fig({ id: 'a', metric: 'output' }), fig({ id: 'b', stage: 'target-2' }), fig({ id: 'c', subject_id: 'other' }), fig({ id: 'd', subject_type: 'group', scope: 'each' })];
    expect(figureFor(figs, 'c', 'sales', 'target-1')).toBeNull();
  });
  it('keeps an illegible amount only when nothing legible exists', () => {
    expect(figureFor([fig({ id: 'ill', value: null, value_status: 'illegible' }), fig({ id: 'ok', comparator: '>', value: 100 })], 'c', 'sales', 'target-1')?.id).toBe('ok');
    expect(figureFor([fig({ id: 'ill', value: null, value_status: 'illegible' })], 'c', 'sales', 'target-1')?.value).toBeNull();
  });
});

describe('cluster marks', () => {
  const { atlas } = buildAtlas(toFiles(validRows()));
  it('filters by region and sector and anchors at the first named site', () => {
    const all = clusterMarks(atlas!, { regions: ['east', 'central', 'west', 'northeast'], sectors: [], metric: 'output', stage: 'target-1' });
    expect(all.map((m) => m.cluster.id)).toEqual(['c-one', 'c-two']);
    expect(all[0]!.value).toBe(1800);
    expect(all[0]!.anchor.id).toBe('s-1');
    expect(clusterMarks(atlas!, { regions: ['west'], sectors: [], metric: 'output', stage: 'target-1' })).toEqual([]);
    expect(clusterMarks(atlas!, { regions: ['northeast'], sectors: ['food'], metric: 'output', stage: 'target-1' })).toEqual([]);
  });
  it('a region or sector filter keeps the layer’s marks of those regions and sectors, in their order, built once; another stage is not served stale', () => {
    const every = { regions: ['east', 'central', 'west', 'northeast'] as RegionId[], sectors: [] as string[], metric: 'output', stage: 'target-1' as const };
    const all = clusterMarks(atlas!, every);
    const sectors = [...new Set(all.map((m) => m.cluster.sector))];
    for (const region of every.regions)
      for (const only of [[], ...sectors.map((x) => [x])])
        expect(clusterMarks(atlas!, { ...every, regions: [region], sectors: only })).toEqual(all.filter((m) => m.region === region && (!only.length || only.includes(m.cluster.sector))));
    expect(clusterMarks(atlas!, { ...every, regions: ['northeast', 'west'] })[0]).toBe(all.find((m) => m.region === 'northeast' || m.region === 'west'));
    const shown = all.find((m) => m.figure)!.figure!.id;
    expect(clusterMarks(atlas!, { ...every, stage: 'latest' }).map((m) => m.figure?.id)).not.toContain(shown);
  });
  it('reports which metrics and stages have cluster figures', () => {
    expect([...(availability(atlas!).get('output') ?? [])]).toEqual(['target-1']);
    expect(availability(atlas!).has('share')).toBe(false);
  });
});

