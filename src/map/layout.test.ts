import { describe, it, expect } from 'vitest';
import { legendValues, sizeScale, packMarks, NEUTRAL_RADIUS } from './layout.ts';
import type { ClusterMark } from '../data/marks.ts';

const mark = (id: string, lon: number, lat: number, value: number | null) =>
  ({ cluster: { id }, anchor: { lon, lat }, value }) as unknown as ClusterMark;

describe('mark layout', () => {
  it('picks nice legend values below the maximum', () => {
    expect(legendValues(2400)).toEqual([2000, 500, 100]);
    expect(legendValues(100)).toEqual([100, 20, 5]);
    expect(legendValues(0)).toEqual([]);
  });

  it('scales area with the value', () => {
    const s = sizeScale([100, 400]);
    expect(s.radius(400)).toBeCloseTo(26);
    expect(s.radius(100)).toBeCloseTo(13);
    expect(s.radius(null)).toBe(NEUTRAL_RADIUS);
  });

  it('packs marks that share a point without overlap, and leaves lone marks in place', () => {
    const s = sizeScale([100, 400, 900]);
    const placed = packMarks([mark('a', 108, 34, 900), mark('b', 108, 34, 400), mark('c', 108, 34, null), mark('d', 121, 39, 100)], s);
    const d = placed.find((p) => p.mark.cluster.id === 'd')!;
    expect([d.dx, d.dy]).toEqual([0, 0]);
    const g = placed.filter((p) => p.mark.cluster.id !== 'd');
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) {
        const a = g[i]!;
        const b = g[j]!;
        expect(Math.hypot(a.dx - b.dx, a.dy - b.dy)).toBeGreaterThanOrEqual(a.r + b.r);
      }
  });
});
