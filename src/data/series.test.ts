import { describe, it, expect } from 'vitest';
import { seriesOf, seriesGrowth, plannedGrowth, growthBetween, median, pointActuals } from './series.ts';
import { latestFigure, otherFigure } from './marks.ts';
import type { FigureRow } from './schema.ts';

const base: FigureRow = {
  id: 'x', subject_type: 'cluster', subject_id: 'c', scope: 'total', coverage: null, metric: 'output', comparator: '=', value: 100, value_max: null, value_status: 'stated',
  unit: '亿元', kind: 'actual', stage: 'baseline', year: 2020, year_status: 'stated', year_source_id: null, batch: 'b', source_id: 's', section_zh: 'a', section_en: 'a', note_zh: null, note_en: null,
};
const fig = (o: Partial<FigureRow>): FigureRow => ({ ...base, ...o });

describe('series of figures over time', () => {
  it('keeps metrics and coverage apart: 产值, 营业收入 and 主导产业产值 are three series', () => {
    const figs = [
      fig({ id: 'o20', year: 2020 }),
      fig({ id: 'o22', year: 2022, value: 121 }),
      fig({ id: 'r21', metric: 'revenue', year: 2021, value: 300 }),
      fig({ id: 'l21', coverage: 'lead-industry', year: 2021, value: 80 }),
    ];
    const s = seriesOf(figs);
    expect(s.map((x) => `${x.metric}/${x.coverage ?? ''}:${x.actuals.map((f) => f.id).join(',')}`).sort()).toEqual(['output/:o20,o22', 'output/lead-industry:l21', 'revenue/:r21']);
    // Growth only within one series: 100 → 121 over two years is 10% a year; the revenue figure has no pair.
    const output = s.find((x) => x.metric === 'output' && !x.coverage)!;
    expect(seriesGrowth(output)!.rate).toBeCloseTo(0.1, 10);
    expect(seriesGrowth(s.find((x) => x.metric === 'revenue')!)).toBeNull();
    expect(growthBetween(figs[0]!, figs[2]!)).toBeNull();
    expect(growthBetween(figs[0]!, figs[3]!)).toBeNull();
  });

  it('orders mixed years and spans a gap in the series by its real number of years', () => {
    const s = seriesOf([fig({ id: 'b', year: 2023, value: 133.1 }), fig({ id: 'a', year: 2020, value: 100 })])[0]!;
    expect(s.actuals.map((f) => f.year)).toEqual([2020, 2023]);
    const g = seriesGrowth(s)!;
    expect(g.years).toBe(3);
    expect(g.rate).toBeCloseTo(0.1, 10);
  });

  it('never computes growth from a threshold, an approximation or a target; a target beside actuals gives the growth it asks', () => {
    const s = seriesOf([
      fig({ id: 'a', year: 2021, value: 100 }),
      fig({ id: 'thr', year: 2022, comparator: '>', value: 150 }),
      fig({ id: 'b', year: 2023, comparator: '~', value: 160 }),
      fig({ id: 't', kind: 'target', stage: 'target-1', year: 2025, value: 400 }),
    ])[0]!;
    expect(pointActuals(s).map((f) => f.id)).toEqual(['a']);
    expect(seriesGrowth(s)).toBeNull();
    expect(s.targets.map((f) => f.id)).toEqual(['t']);
    // From 100 (2021) to the 2025 target of 400: 4× in four years, about 41% a year.
    expect(plannedGrowth(s)!.rate).toBeCloseTo(Math.SQRT2 - 1, 10);
  });

  it('lists figures without a year apart, never on the time axis', () => {
    const s = seriesOf([fig({ id: 'n', year: null, year_status: 'none' }), fig({ id: 'a', year: 2021 })])[0]!;
    expect(s.undated.map((f) => f.id)).toEqual(['n']);
    expect(s.actuals.map((f) => f.id)).toEqual(['a']);
  });

  it('keeps programme totals of different lists apart (the 45 and the 80)', () => {
    const s = seriesOf([fig({ id: 'a', subject_type: 'nation', subject_id: 'CN', batch: 'amc-2022' }), fig({ id: 'b', subject_type: 'nation', subject_id: 'CN', batch: 'amc-2024', year: 2024 })]);
    expect(s.length).toBe(2);
  });

  it('a cluster with no figure has no series and no latest figure', () => {
    expect(seriesOf([fig({ subject_id: 'other' })]).filter((s) => s.subjectId === 'c')).toEqual([]);
    expect(latestFigure([fig({ subject_id: 'other' })], 'c', 'output')).toBeNull();
  });

  it('the map shows the latest dated actual of the metric, never a target, and names another metric only when the metric has none', () => {
    const figs = [fig({ id: 'old', year: 2019, value: 900 }), fig({ id: 'new', year: 2023, comparator: '>', value: 1000 }), fig({ id: 'undated', year: null, year_status: 'none', value: 5000 }), fig({ id: 'goal', kind: 'target', stage: 'target-1', year: 2025, value: 3000 })];
    expect(latestFigure(figs, 'c', 'output')?.id).toBe('new');
    expect(otherFigure(figs, 'c', ['output', 'revenue'], 'output')).toBeNull();
    const rev = [fig({ id: 'rev', metric: 'revenue', year: 2022 })];
    expect(latestFigure(rev, 'c', 'output')).toBeNull();
    expect(otherFigure(rev, 'c', ['output', 'revenue'], 'output')?.id).toBe('rev');
  });

  it('takes the median of an even and an odd count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
