import { describe, it, expect } from 'vitest';
import { derive as deriveOutput } from './derive.ts';
import { table as outputTable, meta as outputMeta } from './meta.ts';
import { derive as deriveChange } from '../change/derive.ts';
import { derive as deriveTotals } from '../totals/derive.ts';
import { chartAtlas } from '../../../tests/unit/chartFixture.ts';
import { regionOf } from '../shared/figures.ts';
import type { Atlas, FigureRow } from '../../data/schema.ts';

/** The chart fixture with yearly actuals added: two clusters in the east, one in the west, and a national total. */
function trendAtlas(): { atlas: Atlas; east: string[]; west: string } {
  const base = chartAtlas();
  const region = regionOf(base);
  const of = (r: string) => base.clusters.filter((c) => region.get(c.province_adcode) === r && c.status !== 'sub-cluster').map((c) => c.id);
  const [e1, e2] = of('east');
  const [w1] = of('west');
  const batch = base.clusters.find((c) => c.id === e1)!.batch;
  const source = base.sources[0]!.id;
  const f = (o: Partial<FigureRow>): FigureRow => ({
    id: 'x', subject_type: 'cluster', subject_id: e1!, scope: 'total', coverage: null, metric: 'output', comparator: '=', value: 100, value_max: null, value_status: 'stated', unit: '亿元',
    kind: 'actual', stage: 'baseline', year: 2022, year_status: 'stated', year_source_id: null, batch, source_id: source, section_zh: 'a', section_en: 'a', note_zh: null, note_en: null, ...o,
  });
  const figures = [
    ...base.figures,
    f({ id: 't-e1-2020', year: 2020, value: 100 }),
    f({ id: 't-e1-2022', year: 2022, value: 121 }),
    f({ id: 't-e1-goal', kind: 'target', stage: 'target-1', year: 2025, value: 200 }),
    f({ id: 't-e2-2022', subject_id: e2!, year: 2022, comparator: '>', value: 50 }),
    f({ id: 't-e2-lead', subject_id: e2!, year: 2021, coverage: 'lead-industry', value: 40 }),
    f({ id: 't-w1-2022', subject_id: w1!, year: 2022, value: 30 }),
    f({ id: 't-w1-rev', subject_id: w1!, metric: 'value-added', year: 2020, value: 10 }),
    f({ id: 't-w1-rev2', subject_id: w1!, metric: 'value-added', year: 2022, value: 40 }),
    f({ id: 't-cn-2022', subject_type: 'nation', subject_id: 'CN', year: 2022, value: 1000, coverage: 'lead-industry' }),
    f({ id: 't-cn-2021', subject_type: 'nation', subject_id: 'CN', year: 2021, value: 900, coverage: 'lead-industry' }),
  ];
  return { atlas: { ...base, figures }, east: [e1!, e2!], west: w1! };
}

describe('output by region (one year)', () => {
  const { atlas, east, west } = trendAtlas();

  it('sums only exact values of the year, counts the clusters, and lists a bound as not added', () => {
    const s = deriveOutput(atlas, { metric: 'output', year: 2022 });
    const e = s.regions.find((r) => r.region === 'east')!;
    expect(e.sum).toBe(121);
    expect(e.counted).toBe(1);
    expect(e.figures.map((x) => [x.clusterId, x.leftOut])).toEqual([
      [east[0], null],
      [east[1], 'threshold'],
    ]);
    expect(s.regions.find((r) => r.region === 'west')!.sum).toBe(30);
    expect(s.total).toMatchObject({ sum: 151, counted: 2 });
    // The official total of that year stands beside the sum; the other year's does not.
    expect(s.official.map((o) => o.figure.id)).toEqual(['t-cn-2022']);
    void west;
  });

  it('never adds another year: 2021 has only the lead-industry figure, counted and said', () => {
    const s = deriveOutput(atlas, { metric: 'output', year: 2021 });
    expect(s.total).toMatchObject({ sum: 40, counted: 1 });
    expect(s.regions.reduce((n, r) => n + r.leadIndustry, 0)).toBe(1);
    expect(outputMeta(s, 'en').notes.join(' ')).toMatch(/lead industries/);
  });

  it('lists the years with figures, one cluster in the singular', () => {
    const s = deriveOutput(atlas, { metric: 'output', year: 2021 });
    const years = outputMeta(s, 'en').notes.find((n) => n.startsWith('Years with figures'));
    expect(years).toBeDefined();
    expect(years).not.toMatch(/\b1 clusters\b/);
    for (const y of s.years) expect(years).toContain(`${y.year}: ${y.clusters} ${y.clusters === 1 ? 'cluster' : 'clusters'}`);
    expect(s.years.some((y) => y.clusters === 1)).toBe(true);
  });

  it('defaults to the year with the most clusters, and each table row carries year, metric, coverage, kind and grade', () => {
    const s = deriveOutput(atlas, { metric: 'output', year: null });
    expect(s.year).toBe(2022);
    const t = outputTable(s, 'en', atlas);
    expect(t.columns.slice(-6)).toEqual(['Year', 'Metric', 'Coverage', 'Kind', 'Source (section)', 'Source grade']);
    expect(t.rows.every((r) => r.length === t.columns.length)).toBe(true);
  });
});

describe('cluster growth', () => {
  const { atlas, east, west } = trendAtlas();

  it('computes a rate only between exact values of one series, names another metric, and gives the goal its pace', () => {
    const s = deriveChange(atlas, { metric: 'output' });
    expect(s.rows.map((r) => r.clusterId)).toEqual([west, east[0]]);
    const e1 = s.rows.find((r) => r.clusterId === east[0])!;
    expect(e1.growth.rate).toBeCloseTo(0.1, 10);
    expect(e1.planned!.to.id).toBe('t-e1-goal');
    // The west cluster has no output series: its rate is of value added (10 → 40 in two years), named as such.
    expect(s.rows.find((r) => r.clusterId === west)!.growth.to.metric).toBe('value-added');
    expect(s.regions.find((r) => r.region === 'east')).toMatchObject({ clusters: 1 });
  });
});

describe('national totals', () => {
  it("draws a national list's stated totals by year, and nothing of a local plan", () => {
    const { atlas } = trendAtlas();
    // The fixture's documents are local plans: their totals are not a national list's.
    expect(deriveTotals(atlas).panels).toEqual([]);
    const programme = { ...atlas.programmes[0]!, id: 'nat', level: 'national' as const };
    const batch = { ...atlas.batches[0]!, id: 'nat-b', programme: 'nat', official_count: 45, cumulative_count: 45 };
    const figures = atlas.figures.map((f) => (f.subject_type === 'nation' && f.id.startsWith('t-cn') ? { ...f, batch: 'nat-b' } : f));
    const s = deriveTotals({ ...atlas, programmes: [...atlas.programmes, programme], batches: [...atlas.batches, batch], figures });
    expect(s.panels.map((p) => [p.series.subjectId, p.metric.id, p.series.coverage, p.series.actuals.map((f) => f.year)])).toEqual([['CN', 'output', 'lead-industry', [2021, 2022]]]);
    expect(s.years).toEqual([2021, 2022]);
  });
});
