import { layerAtlas } from '../../data/layers.ts';
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { meta, table } from './meta.ts';
import { chartAtlas, realAtlas } from '../../../tests/unit/chartFixture.ts';

const atlas = chartAtlas();
const byRegion = (s: ReturnType<typeof derive>) => Object.fromEntries(s.regions.map((r) => [r.region, r]));

describe('regions derive (fixture)', () => {
  const s = derive(atlas, { metric: 'output', stage: 'target-1' });
  const r = byRegion(s);

  it('counts clusters per region, sub-clusters included, Taiwan in none', () => {
    expect(s.regions.map((x) => [x.region, x.clusters])).toEqual([
      ['east', 4],
      ['central', 1],
      ['west', 3],
      ['northeast', 4],
    ]);
  });

  it('never adds a threshold to a point value', () => {
    expect(r.east!.sum).toBe(500);
    expect(r.east!.summed).toBe(1);
    expect(r.east!.excluded).toEqual([{ clusterId: 'e-threshold', figureId: expect.any(String), reason: 'threshold' }]);
  });

  it('says why nothing could be added: illegible, range, approximate', () => {
    expect(r.central!.sum).toBeNull();
    expect(r.central!.reasons).toEqual({ illegible: 1 });
    expect(r.west!.sum).toBeNull();
    expect(r.west!.withFigure).toBe(2);
    expect(r.west!.reasons).toEqual({ range: 1, approximate: 1 });
  });

  it('never adds another metric (value added is not output)', () => {
    const va = byRegion(derive(atlas, { metric: 'value-added', stage: 'target-1' }));
    expect(va.west!.sum).toBe(300);
    expect(r.west!.excluded.map((e) => e.clusterId)).not.toContain('w-va');
  });

  it('leaves out a cluster with several point values for one metric and stage', () => {
    expect(r.northeast!.sum).toBe(2050);
    expect(r.northeast!.reasons).toEqual({ multiple: 1 });
  });

  it('keeps actuals and targets apart: a baseline actual is not in the target sum, a mislabelled kind is left out', () => {
    expect(byRegion(derive(atlas, { metric: 'output', stage: 'baseline' })).east!.sum).toBe(300);
    const bent = structuredClone(atlas);
    bent.figures.find((f) => f.subject_id === 'e-point' && f.metric === 'output')!.kind = 'actual';
    const e = byRegion(derive(bent, { metric: 'output', stage: 'target-1' })).east!;
    expect(e.sum).toBeNull();
    expect(e.reasons).toEqual({ kind: 1, threshold: 1 });
  });

  it('rejects an unknown metric or stage', () => {
    expect(() => derive(atlas, { metric: 'nope', stage: 'target-1' })).toThrow(/unknown metric "nope"/);
    expect(() => derive(atlas, { metric: 'output', stage: 'target-9' as 'target-1' })).toThrow(/unknown stage/);
  });

  it('tables exactly the plotted numbers, meta names the sources', () => {
    const tb = table(s, 'en');
    expect(tb.rows.map((row) => row.slice(0, 4))).toEqual([
      ['East', 4, 2, 1],
      ['Central', 1, 1, 0],
      ['West', 3, 2, 0],
      ['Northeast', 4, 3, 2],
    ]);
    expect(tb.rows[0]![4]).toBe(50); // 500 亿元 = 50 billion yuan
    expect(tb.rows[1]![4]).toBe('not comparable');
    expect(meta(s, 'en').source).toContain('A city government');
    expect(meta(s, 'zh').notes.length).toBeGreaterThan(2);
  });
});

describe('regions derive (committed data)', () => {
  const real = layerAtlas(realAtlas(), { layers: ['local'] }); // the local plans' clusters
  it('counts 8 / 1 / 41 / 26 clusters in east / central / west / northeast', () => {
    expect(derive(real, { metric: 'output', stage: 'target-1' }).regions.map((r) => r.clusters)).toEqual([8, 1, 41, 26]);
  });
  it('adds only Dalian point values for output target 1; the Shaanxi sales thresholds are not comparable', () => {
    const out = byRegion(derive(real, { metric: 'output', stage: 'target-1' }));
    expect(out.northeast!.summed).toBe(16);
    expect(out.northeast!.sum).toBe(8540 + 700); // the 15 of dalian-15 plus software
    const sales = byRegion(derive(real, { metric: 'sales', stage: 'target-1' }));
    expect(sales.west!.sum).toBeNull();
    expect(sales.west!.reasons).toEqual({ threshold: 20 });
    expect(sales.east!.sum).toBeNull();
  });
});
