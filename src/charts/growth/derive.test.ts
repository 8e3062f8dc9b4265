import { describe, it, expect } from 'vitest';
import { derive, stageYear } from './derive.ts';
import { meta, table } from './meta.ts';
import { chartAtlas, realAtlas } from '../../../tests/unit/chartFixture.ts';

const atlas = chartAtlas();

describe('growth derive (fixture)', () => {
  const s = derive(atlas, { subject: 'ne-3', metric: 'output' });

  it('places figures by stage with their shapes', () => {
    expect(s.points.map((p) => [p.stage, p.shape, p.kind, p.value])).toEqual([
      ['baseline', 'point', 'actual', 1500],
      ['target-1', 'point', 'target', 2300],
      ['target-2', 'threshold-up', 'target', 3000],
      ['target-3', 'range', 'target', 3500],
    ]);
  });

  it('keeps the stated total beside the sum of its members, neither corrected', () => {
    expect(s.memberSums.map((m) => [m.stage, m.sum, m.summed, m.members])).toEqual([
      ['target-1', 2050, 2, 3],
      ['target-2', 2800, 2, 3],
    ]);
    expect(s.memberSums[0]!.excluded).toEqual([{ clusterId: 'n-multi', reason: 'multiple' }]);
    expect(s.points.find((p) => p.stage === 'target-1')!.value).toBe(2300);
    const notes = meta(s, 'en').notes.join('\n');
    expect(notes).toContain('the document states 230 billion yuan');
    expect(notes).toContain('add up to 205 billion yuan');
  });

  it('shows a year only where it is stated or confirmed; an illegible year stays a marker', () => {
    expect(s.stages.map((st) => st.year.status)).toEqual(['none', 'illegible', 'illegible', 'confirmed']);
    expect(s.stages[3]!.year.year).toBe(2015);
    expect(s.stages[1]!.year.year).toBeNull();
    const one = derive(atlas, { subject: 'n-point', metric: 'output' });
    expect(one.stages.map((st) => [st.stage, st.year.status, st.year.year])).toEqual([
      ['baseline', 'empty', null],
      ['target-1', 'illegible', null],
      ['target-2', 'stated', 2012],
      ['target-3', 'empty', null],
    ]);
    expect(stageYear([{ year: 2010, yearStatus: 'stated', yearSourceId: null }, { year: null, yearStatus: 'illegible', yearSourceId: null }]).status).toBe('mixed');
  });

  it('resolves clusters, groups, provinces and regions, and refuses unknown subjects', () => {
    expect(derive(atlas, { subject: 'e-point', metric: 'output' }).subject.type).toBe('cluster');
    expect(derive(atlas, { subject: '610000', metric: 'share' }).points).toHaveLength(1);
    expect(derive(atlas, { subject: 'west', metric: 'output' }).subject).toEqual({ type: 'region', id: 'west', name_zh: null, name_en: null });
    expect(() => derive(atlas, { subject: 'nowhere', metric: 'output' })).toThrow(/unknown subject "nowhere"/);
    expect(() => derive(atlas, { subject: '990000', metric: 'output' })).toThrow(/unknown province/);
  });

  it('lists "each" figures without plotting them as the total', () => {
    const g = derive(atlas, { subject: 'city-2', metric: 'output' });
    expect(g.points).toEqual([]);
    expect(g.each.map((e) => e.shape)).toEqual(['range']);
    expect(meta(g, 'en').notes.join(' ')).toContain('holds for each member');
  });

  it('tables the stated figures and the members\' sums', () => {
    const tb = table(s, 'zh');
    expect(tb.rows).toHaveLength(6);
    expect(tb.rows.map((r) => r[5])).toEqual([1500, 2300, 2050, 3000, 2800, 3500]);
  });
});

describe('growth derive (committed data)', () => {
  const real = realAtlas();
  it('Dalian 15: stated 8800 vs 8540 summed at target 1; 13000 vs 10830 (14 of 15, one illegible) at target 2', () => {
    const s = derive(real, { subject: 'dalian-15', metric: 'output' });
    expect(s.points.map((p) => [p.stage, p.value])).toEqual([
      ['target-1', 8800],
      ['target-2', 13000],
    ]);
    expect(s.memberSums.map((m) => [m.stage, m.sum, m.summed, m.members])).toEqual([
      ['target-1', 8540, 15, 15],
      ['target-2', 10830, 14, 15],
    ]);
    expect(s.memberSums[1]!.excluded).toEqual([{ clusterId: 'dalian-equipment', reason: 'illegible' }]);
    expect(s.stages.map((st) => st.year.status)).toEqual(['empty', 'illegible', 'illegible', 'empty']);
  });
  it('Shaanxi sales targets: 2010 and 2015 confirmed, the middle year illegible, no guessed year', () => {
    const s = derive(real, { subject: '610000', metric: 'sales' });
    expect(s.stages.map((st) => [st.year.status, st.year.year])).toEqual([
      ['empty', null],
      ['confirmed', 2010],
      ['illegible', null],
      ['confirmed', 2015],
    ]);
    expect(s.memberSums).toEqual([]); // the clusters' sales targets are all thresholds
  });
  it('Hengshui 23 and Shaanxi 20 baselines are subjects too', () => {
    expect(derive(real, { subject: 'hengshui-23', metric: 'sales' }).points.map((p) => p.shape)).toEqual(['approx']);
    expect(derive(real, { subject: 'shaanxi-20', metric: 'output' }).points.map((p) => p.shape)).toEqual(['threshold-up']);
  });
});
