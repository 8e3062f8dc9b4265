/** The scale bench's arithmetic: the growth exponent and the 100 ms limit (scripts/bench-scale.ts). */
import { describe, it, expect } from 'vitest';
import { fitExponent, limitOf, median, type SizeResult } from '../../scripts/bench-scale.ts';
import { writeSynthetic } from '../../scripts/synthetic-data.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const size = (n: number, filterRepaint: number | null) => ({ n, median: { filterRepaint } }) as unknown as SizeResult;

describe('scale bench', () => {
  it('fits y = a·n^b on log-log', () => {
    expect(fitExponent([{ n: 1000, y: 5 }, { n: 10000, y: 50 }, { n: 100000, y: 500 }])).toBe(1);
    expect(fitExponent([{ n: 1000, y: 1 }, { n: 10000, y: 100 }])).toBe(2);
    expect(fitExponent([{ n: 1000, y: 1 }, { n: 10000, y: null }])).toBeNull();
  });
  it('finds the largest size within the limit, bracketed or not', () => {
    expect(limitOf([size(1000, 40), size(10000, 400)])).toEqual({ within: 1000, above: 10000, bracketed: true, estimate: 2500 });
    expect(limitOf([size(1000, 400)])).toMatchObject({ within: null, above: 1000, bracketed: false });
    expect(limitOf([size(1000, 40), size(10000, 90)])).toMatchObject({ within: 10000, above: null, bracketed: false });
    // Another measure (the sector filter's repaint) is read by name.
    const sector = (n: number, v: number) => ({ n, median: { filterRepaint: 1e6, sectorRepaint: v } }) as unknown as SizeResult;
    expect(limitOf([sector(1000, 40), sector(10000, 400)], 100, 'sectorRepaint')).toEqual({ within: 1000, above: 10000, bracketed: true, estimate: 2500 });
  });
  it('takes medians of finite numbers', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('writes the same synthetic data for the same size, plainly marked', () => {
    const a = mkdtempSync(join(tmpdir(), 'syn-'));
    const b = mkdtempSync(join(tmpdir(), 'syn-'));
    try {
      writeSynthetic(50, a);
      writeSynthetic(50, b);
      for (const f of ['clusters.csv', 'sites.csv', 'figures.csv']) expect(readFileSync(join(a, f), 'utf8')).toBe(readFileSync(join(b, f), 'utf8'));
      const clusters = readFileSync(join(a, 'clusters.csv'), 'utf8').trim().split('\n').slice(1);
      expect(clusters).toHaveLength(50);
      expect(clusters.every((l) => /^syn-\d{6},/.test(l))).toBe(true);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});
