import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { meta, table } from './meta.ts';
import { clusterMarks } from '../../data/marks.ts';
import { REGION_IDS } from '../../data/schema.ts';
import { chartAtlas, realAtlas } from '../../../tests/unit/chartFixture.ts';

const atlas = chartAtlas();
const view = { metric: 'output', stage: 'target-1' as const };
const marks = clusterMarks(atlas, { regions: REGION_IDS, sectors: [], ...view });

describe('ranking derive (fixture)', () => {
  const s = derive(atlas, marks, view);
  it('orders by value, thresholds at their bound, illegible after values, no figure last', () => {
    expect(s.rows.map((r) => [r.clusterId, r.status, r.shape])).toEqual([
      ['c-one', 'value', 'point'],
      ['e-threshold', 'value', 'threshold-up'],
      ['w-approx', 'value', 'approx'],
      ['e-point', 'value', 'point'],
      ['n-point', 'value', 'point'],
      ['w-range', 'value', 'range'],
      ['n-multi', 'value', 'point'],
      ['m-illegible', 'illegible', 'illegible'],
      ['c-two', 'none', null],
      ['e-actual', 'none', null],
      ['e-none', 'none', null],
      ['w-va', 'none', null],
    ]);
  });
  it('keeps only the clusters the caller passed', () => {
    const west = clusterMarks(atlas, { regions: ['west'], sectors: [], ...view });
    expect(derive(atlas, west, view).rows.map((r) => r.clusterId)).toEqual(['w-approx', 'w-range', 'w-va']);
  });
  it('refuses marks built for another metric or stage', () => {
    const other = clusterMarks(atlas, { regions: REGION_IDS, sectors: [], metric: 'output', stage: 'target-2' });
    expect(() => derive(atlas, other, view)).toThrow(/same metric and stage/);
  });
  it('tables the values as stated, thresholds marked', () => {
    const tb = table(s, 'zh');
    expect(tb.rows[1]![2]).toBe('\u22651,000\u4ebf\u5143');
    expect(tb.rows[tb.rows.length - 1]![2]).toBe('\u65e0\u6570\u503c');
    expect(meta(s, 'en').notes.join(' ')).toContain('1 amount illegible');
  });
});

describe('ranking derive (committed data)', () => {
  const real = realAtlas();
  it('Shaanxi sales targets: the ≥1000 clusters first, as thresholds; no-figure clusters last', () => {
    const v = { metric: 'sales', stage: 'target-1' as const };
    const s = derive(real, clusterMarks(real, { regions: REGION_IDS, sectors: [], layers: ['local'], ...v }), v);
    expect(s.rows).toHaveLength(76);
    expect(s.rows.slice(0, 9).every((r) => r.shape === 'threshold-up' && r.value === 1000)).toBe(true);
    const firstNone = s.rows.findIndex((r) => r.status === 'none');
    expect(s.rows.slice(firstNone).every((r) => r.status === 'none')).toBe(true);
  });
  it('Dalian output target 2: the illegible equipment amount after all values', () => {
    const v = { metric: 'output', stage: 'target-2' as const };
    const s = derive(real, clusterMarks(real, { regions: ['northeast'], sectors: [], layers: ['local'], ...v }), v);
    expect(s.rows[0]).toMatchObject({ clusterId: 'dalian-petrochem', value: 2400 });
    expect(s.rows[15]).toMatchObject({ clusterId: 'dalian-equipment', status: 'illegible' });
  });
});
