import { describe, it, expect } from 'vitest';
import { derive, goalsOf, latestFloor, verdict } from './derive.ts';
import { table, meta, goalLine, describe as describeSeries } from './meta.ts';
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

describe("national clusters' own goals", () => {
  const fig = (id: string, o: Partial<FigureRow>): FigureRow => ({ ...base, id, subject_id: 'n', kind: 'actual', stage: 'baseline', source_id: 'press', ...o });
  const atlasOf = (figures: FigureRow[]) =>
    ({ clusters: [{ id: 'n', status: 'national' }, { id: 'local', status: 'planned' }], figures, metrics: [], sources: [{ id: 'press', grade: 'press' }, { id: 'plan', grade: 'official' }] }) as unknown as Parameters<typeof goalsOf>[0];
  const summary = (f: FigureRow) => ({ figure: f, metric: { id: f.metric, name_zh: f.metric, name_en: f.metric } as never, grade: null, low: false });
  const goal = fig('goal', { kind: 'target', stage: 'target-1', year: 2025, comparator: '>', value: 5000, source_id: 'plan' });

  it('sets a goal beside the latest actual of its metric, coverage and unit dated no later than its year', () => {
    const [g] = goalsOf(atlasOf([
      goal,
      fig('a2021', { year: 2021, value: 1580 }),
      fig('a2024', { year: 2024, value: 2480 }),
      fig('a2026', { year: 2026, value: 6000 }), // after the goal's year
      fig('lead2024', { year: 2024, value: 4000, coverage: 'lead-industry' }), // another coverage
      fig('rev2024', { year: 2024, value: 4500, metric: 'revenue' }), // another metric
      fig('nd', { year: null, year_status: 'none', value: 4900 }), // no year
      fig('t2', { kind: 'target', stage: 'target-2', year: null, year_status: 'none', value: 9000 }), // a goal without a year: not listed
    ]), summary);
    expect([g!.latest!.figure.id, g!.ratio, g!.due]).toEqual(['a2024', 0.496, false]);
    expect(goalLine(g!, 'en')).toBe('50% of the 2025 goal in 2024');
    expect(goalLine(g!, 'zh')).toBe('2024年为2025年目标的50%');
  });

  it('a floor as the latest figure gives a floor share; the goal year\'s own figure is what was reached', () => {
    const [floor] = goalsOf(atlasOf([goal, fig('a', { year: 2024, comparator: '>', value: 2200 })]), summary);
    expect([latestFloor(floor!), goalLine(floor!, 'en')]).toEqual([true, 'at least 44% of the 2025 goal in 2024']);
    const [due] = goalsOf(atlasOf([goal, fig('a', { year: 2024, value: 2200 }), fig('b', { year: 2025, value: 5500 })]), summary);
    expect([due!.latest!.figure.id, due!.due, goalLine(due!, 'en')]).toEqual(['b', true, '110% of the goal in its own year, 2025']);
  });

  it('says when no actual matches, gives a ceiling no share, and leaves out goals of clusters not on a national list', () => {
    const [none] = goalsOf(atlasOf([goal, fig('lead', { year: 2024, coverage: 'lead-industry' })]), summary);
    expect([none!.latest, none!.ratio, goalLine(none!, 'en')]).toEqual([null, null, "no actual figure of the same metric, coverage and unit found up to the goal's year"]);
    const [cap] = goalsOf(atlasOf([fig('cap', { kind: 'target', stage: 'target-1', year: 2025, comparator: '<=', value: 100 }), fig('a', { year: 2024, value: 80 })]), summary);
    expect([cap!.latest!.figure.id, cap!.ratio]).toEqual(['a', null]);
    expect(goalsOf(atlasOf([{ ...goal, subject_id: 'local' }, fig('a', { subject_id: 'local', year: 2024 })]), summary)).toEqual([]);
  });

  it('committed data: 宁德 power batteries, 2,480亿 in 2024 against the 2025 goal of over 5,000亿; a row per goal in the table', () => {
    const s = derive(layerAtlas(realAtlas(), {}));
    const ningde = s.goals.find((g) => g.subject.id === 'amc-ningde-battery' && g.target.figure.year === 2025)!;
    expect([ningde.latest!.figure.year, ningde.latest!.figure.value, ningde.target.figure.value, ningde.ratio]).toEqual([2024, 2480, 5000, 0.496]);
    expect(table(s, 'en').rows.length).toBe(s.pairs.length + s.goals.length + s.others.reduce((n, g) => n + g.outcomes.length, 0));
    expect(meta(s, 'en').notes.some((n) => /latest actual figure of the same cluster, metric, coverage/.test(n))).toBe(true);
  });
});

describe('the order of national goals', () => {
  it('puts goals with a share first, then those with a figure but no share, then those with none', () => {
    const s = derive(layerAtlas(realAtlas(), {}));
    const ranks = s.goals.map((g) => (g.ratio != null ? 0 : g.latest ? 1 : 2));
    expect(ranks).toEqual(ranks.slice().sort((a, b) => a - b));
    expect(ranks[0]).toBe(0);
  });
});
