import { describe, it, expect } from 'vitest';
import { derive, verdict } from './derive.ts';
import { table } from './meta.ts';
import { realAtlas } from '../../../tests/unit/chartFixture.ts';
import { layerAtlas } from '../../data/layers.ts';
import type { FigureRow } from '../../data/schema.ts';

const base: FigureRow = {
  id: 't', subject_type: 'cluster', subject_id: 'c', scope: 'total', metric: 'output', comparator: '=', value: 100, value_max: null, value_status: 'stated', unit: '亿元',
  kind: 'target', stage: 'target-1', year: 2010, year_status: 'stated', year_source_id: null, batch: 'b', source_id: 'plan', section_zh: 'a', section_en: 'a', note_zh: null, note_en: null,
};
const target = (o: Partial<FigureRow> = {}) => ({ ...base, ...o });
const outcome = (o: Partial<FigureRow> = {}) => ({ ...base, id: 'o', kind: 'actual' as const, stage: 'outcome' as const, source_id: 'press', value: 64, ...o });

describe('outcomes verdict', () => {
  it('compares only same metric, unit, clusters and a known, equal year', () => {
    expect(verdict(target(), outcome(), true)).toEqual({ reasons: [], ratio: 0.64 });
  });
  it('names every reason it does not compare', () => {
    expect(verdict(target(), outcome(), false).reasons).toEqual(['scope']);
    expect(verdict(target(), outcome({ metric: 'sales' }), true).reasons).toEqual(['metric']);
    expect(verdict(target(), outcome({ unit: '%' }), true).reasons).toEqual(['unit']);
    expect(verdict(target({ value: null, value_status: 'illegible' }), outcome(), true).reasons).toEqual(['illegible']);
    expect(verdict(target({ year: null, year_status: 'illegible' }), outcome(), true).reasons).toEqual(['year-unknown']);
    expect(verdict(target(), outcome({ year: 2012 }), true).reasons).toEqual(['year-differs']);
    expect(verdict(target(), outcome({ subject_id: 'other' }), true).reasons).toEqual(['scope']);
  });
});

describe('outcomes derive (committed data)', () => {
  const all = realAtlas();
  it('Shaanxi 2010: the target (20 clusters) and the reported 21 clusters are not compared, for scope alone', () => {
    const s = derive(layerAtlas(all, { layers: ['local'] }));
    const p = s.pairs.find((x) => x.id === 'shaanxi-va-2010')!;
    expect([p.target.figure.value, p.outcome.figure.value, p.comparable, p.reasons]).toEqual([3900, 2500, false, ['scope']]);
  });
  it('a pair whose outcome comes from a low-grade source is left out unless low figures are shown', () => {
    const hidden = derive(layerAtlas(all, { layers: ['local'] })).pairs.map((p) => p.id);
    const shown = derive(layerAtlas(all, { layers: ['local'], low: true })).pairs.map((p) => p.id);
    expect(hidden).not.toContain('dalian-software-t1');
    expect(shown).toContain('dalian-software-t1');
  });
  it('lists outcomes without a target by subject and year, and says when their metrics differ', () => {
    const s = derive(layerAtlas(all, { layers: ['local'], low: true }));
    const luyi = s.others.find((g) => g.subject.id === 'luyi-tail-hair')!;
    expect(luyi.mixed).toBe(true);
    expect(table(s, 'en').rows.length).toBe(s.pairs.length + s.others.reduce((n, g) => n + g.outcomes.length, 0));
  });
  it('the national layers hold no outcome', () => {
    expect(derive(layerAtlas(all, {})).pairs).toEqual([]);
  });
});
