import { layerAtlas } from '../../data/layers.ts';
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { table } from './meta.ts';
import { SECTOR_PALETTE } from '../../theme/palette.ts';
import { chartAtlas, realAtlas } from '../../../tests/unit/chartFixture.ts';

describe('sectors derive (fixture)', () => {
  const s = derive(chartAtlas());
  it('keeps the sectors in data order with their palette colours', () => {
    expect(s.sectors.map((x) => [x.id, x.color])).toEqual([
      ['energy-chem', SECTOR_PALETTE[0]],
      ['equipment', SECTOR_PALETTE[1]],
      ['textiles', SECTOR_PALETTE[2]],
    ]);
  });
  it('counts clusters per sector within each region', () => {
    expect(s.regions.map((r) => [r.region, r.counts, r.total])).toEqual([
      ['east', [0, 2, 2], 4],
      ['central', [0, 1, 0], 1],
      ['west', [1, 1, 1], 3],
      ['northeast', [2, 1, 1], 4],
    ]);
    expect(table(s, 'en').columns).toEqual(['Region', 'Energy and chemicals', 'Equipment', 'Textiles', 'Clusters']);
  });
  it('shows only the regions asked for, in the fixed order', () => {
    expect(derive(chartAtlas(), { regions: ['west', 'east'] }).regions.map((r) => r.region)).toEqual(['east', 'west']);
    expect(() => derive(chartAtlas(), { regions: ['south' as 'east'] })).toThrow(/unknown region/);
  });
});

describe('sectors derive (committed data)', () => {
  it('adds up to 8 / 1 / 41 / 26 clusters', () => {
    const s = derive(layerAtlas(realAtlas(), { layers: ['local'] }), { regions: ['east', 'central', 'west', 'northeast'] });
    expect(s.regions.map((r) => r.total)).toEqual([8, 1, 41, 26]);
    for (const r of s.regions) expect(r.counts.reduce((a, b) => a + b, 0)).toBe(r.total);
    expect(s.sectors.map((x) => x.id)).toEqual(['equipment', 'energy-chem', 'materials', 'electronics', 'pharma', 'textiles', 'food', 'other']);
  });
});
