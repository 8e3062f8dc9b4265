import { describe, it, expect } from 'vitest';
import { derive, verdict } from './derive.ts';
import { table, meta, describe as describeSeries } from './meta.ts';
import { realAtlas } from '../../../tests/unit/chartFixture.ts';
import { outcomeAtlas } from '../../../tests/unit/outcomeFixture.ts';
import { layerAtlas } from '../../data/layers.ts';
import type { FigureRow } from '../../data/schema.ts';

const base: FigureRow = {
  id: 't', subject_type: 'cluster', subject_id: 'c', scope: 'total', coverage: null, metric: 'output', comparator: '=', value: 100, value_max: null, value_status: 'stated', unit: '亿元',
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

describe('outcomes derive (fixture)', () => {
  const s = derive(outcomeAtlas());
  const pair = (id: string) => s.pairs.find((p) => p.id === id)!;

  it('pairs every comparison, in data order, with its subject resolved', () => {
    expect(s.pairs.map((p) => p.id)).toEqual(['cap', 'cmp', 'differs', 'illegible', 'metric', 'scope', 'thr', 'unknown']);
    expect([pair('cmp').subject, pair('scope').subject.type, pair('differs').subject.name_en]).toEqual([{ type: 'cluster', id: 'e-point', name_zh: '\u96c6\u7fa4e-point', name_en: 'Somewhere \u00b7 Cluster e-point' }, 'province', 'Three clusters']);
  });

  it('compares a point target: ratio outcome / target', () => {
    expect([pair('cmp').comparable, pair('cmp').reasons, pair('cmp').ratio]).toEqual([true, [], 0.64]);
  });

  it('compares a floor against its bound, and gives a ceiling bars but no ratio', () => {
    expect([pair('thr').comparable, pair('thr').ratio]).toEqual([true, 1.2]);
    expect([pair('cap').comparable, pair('cap').ratio]).toEqual([true, null]);
    expect(table(s, 'en').rows.find((r) => r[0] === 'Somewhere \u00b7 Cluster w-va')![5]).toMatch(/ceiling/);
  });

  it('names each reason a pair is not compared', () => {
    expect(pair('scope').reasons).toEqual(['scope']);
    expect(pair('metric').reasons).toEqual(['metric', 'unit']);
    expect(pair('illegible').reasons).toEqual(['illegible']);
    expect(pair('unknown').reasons).toEqual(['year-unknown']);
    expect(pair('differs').reasons).toEqual(['year-differs']);
    for (const id of ['scope', 'metric', 'illegible', 'unknown', 'differs']) expect([pair(id).comparable, pair(id).ratio]).toEqual([false, null]);
  });

  it('marks figures from low-grade sources', () => {
    expect([pair('differs').outcome.low, pair('differs').outcome.grade, pair('differs').target.low]).toEqual([true, 'low', false]);
    expect(table(s, 'en').rows.find((r) => r[0] === 'Three clusters')![4]).toBe('Official / low reliability');
  });

  it('lists unpaired outcomes by subject, sorted by year, and flags mixed metrics', () => {
    expect(s.others.map((g) => [g.subject.id, g.mixed, g.outcomes.map((o) => o.figure.year)])).toEqual([
      ['e-none', false, [2012, 2014, 2016]],
      ['n-multi', true, [2014, null]],
      ['west', false, [2016]],
    ]);
    expect(s.others.find((g) => g.subject.id === 'west')!.outcomes[0]!.low).toBe(true);
  });

  it('names every source used, the one confirming a year included', () => {
    expect(s.sources.map((x) => x.id).sort()).toEqual(['doc-a', 'low-e', 'press-b', 'press-c', 'reprint-d']);
  });

  it('tables one row per pair and per unpaired outcome; meta states the rule and each pair not compared', () => {
    const tb = table(s, 'zh');
    expect(tb.columns.length).toBe(6);
    expect(tb.rows.length).toBe(8 + 6);
    const m = meta(s, 'en');
    expect(m.notes[0]).toMatch(/only where metric, unit, set of clusters and year all match/);
    expect(m.notes.filter((n) => n.includes('Not compared')).length).toBe(5);
    expect(describeSeries(s, 'en')).toContain('64% of the target');
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
