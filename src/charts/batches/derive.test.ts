import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { meta, table } from './meta.ts';
import { batchAtlas } from '../../../tests/unit/batchFixture.ts';

describe('batches derive', () => {
  const s = derive(batchAtlas(), { until: null });
  const steps = s.programmes[0]!.steps;

  it('one row per dated batch of each national list, in date order', () => {
    expect(s.programmes.map((p) => p.programme.id)).toEqual(['nat']);
    expect(steps.map((st) => st.batch.id)).toEqual(['nat-2021', 'nat-2022', 'nat-2024']);
  });

  it('official totals only where stated: a batch count, then a stated cumulative total, then a running sum from it', () => {
    expect(steps.map((st) => st.officialTotal)).toEqual([2, 5, 8]);
  });

  it('the issuer\'s split by region only for the batch that states it', () => {
    expect(steps.map((st) => st.officialByRegion)).toEqual([null, { east: 3, central: 1, west: 0, northeast: 1 }, null]);
  });

  it('rows found accumulate by region, whatever the official count', () => {
    expect(steps.map((st) => st.found)).toEqual([1, 3, 4]);
    expect(steps[2]!.foundByRegion).toEqual({ east: 2, central: 1, west: 1, northeast: 0 });
  });

  it('marks the steps after the view\'s year as out of view', () => {
    expect(derive(batchAtlas(), { until: 2022 }).programmes[0]!.steps.map((st) => st.inView)).toEqual([true, true, false]);
  });

  it('says "not stated" in the table rather than a number', () => {
    const t = table(s, 'en');
    expect(t.rows[0]![4]).toBe('not stated');
    expect(t.rows[1]!.slice(4, 8)).toEqual([3, 1, 0, 1]);
    expect(meta(s, 'zh').notes.some((n) => n.includes('\u56fe\u7247'))).toBe(true); // the completeness note from the data
  });
});
