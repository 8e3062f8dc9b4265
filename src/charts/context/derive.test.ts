import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { meta, table } from './meta.ts';
import { chartAtlas, realAtlas } from '../../../tests/unit/chartFixture.ts';

describe('context derive (fixture)', () => {
  const s = derive(chartAtlas());
  it('shares of the national total and an index with the first year at 100', () => {
    expect(s.years).toEqual([1992, 1993, 1994]);
    const east = s.regions.find((r) => r.region === 'east')!;
    expect(east.share[0]).toBeCloseTo((100 / 260) * 100, 6);
    expect(east.index).toEqual([100, expect.closeTo(110, 6), expect.closeTo(120, 6)]);
    for (let i = 0; i < 3; i++) expect(s.regions.reduce((a, r) => a + r.share[i]!, 0)).toBeCloseTo(100, 6);
    expect(s.provinceCount).toBe(5);
  });
  it('draws no share for a year with a missing province value (never a partial total)', () => {
    const a = chartAtlas();
    a.gdp.series['410000']![1] = null;
    const s2 = derive(a);
    expect(s2.incompleteYears).toEqual([1993]);
    expect(s2.regions.every((r) => r.share[1] === null)).toBe(true);
    expect(meta(s2, 'en').notes.join(' ')).toContain('1993');
  });
  it('tables the plotted numbers', () => {
    const tb = table(s, 'en');
    expect(tb.columns).toHaveLength(9);
    expect(tb.rows[0]![5]).toBe(100);
  });
});

describe('context derive (committed data)', () => {
  const s = derive(realAtlas());
  it('31 provinces 1992–2020; Hong Kong, Macao and Taiwan not in the series', () => {
    expect(s.provinceCount).toBe(31);
    expect(s.years[0]).toBe(1992);
    expect(s.years[s.years.length - 1]).toBe(2020);
    expect(s.outsideRegions).toEqual([]);
    expect(s.missingProvinces).toEqual([]);
    expect(s.regions.map((r) => r.provinces.length)).toEqual([10, 6, 12, 3]);
    for (let i = 0; i < s.years.length; i++) expect(s.regions.reduce((a, r) => a + (r.share[i] ?? 0), 0)).toBeCloseTo(100, 6);
    expect(meta(s, 'en').notes.join(' ')).toMatch(/Hong Kong, Macao and Taiwan are not in it/);
    expect(meta(s, 'en').source).toContain('National Bureau of Statistics');
  });
});
