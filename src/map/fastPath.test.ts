import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoMercator, geoPath } from 'd3-geo';
import type { Topology } from 'topojson-specification';
import { mercatorPath, mercatorPoint } from './fastPath.ts';
import { toBaseGeometry, CHINA_BOUNDS } from './geo.ts';

const root = join(import.meta.dirname, '..', '..');
const geo = toBaseGeometry(
  JSON.parse(readFileSync(join(root, 'data/geo/provinces.topo.json'), 'utf8')) as Topology,
  JSON.parse(readFileSync(join(root, 'data/geo/south-china-sea.json'), 'utf8')),
);
const projection = geoMercator()
  .precision(0)
  .fitExtent(
    [
      [12, 12],
      [888, 688],
    ],
    { type: 'MultiPoint', coordinates: CHINA_BOUNDS },
  );

/** Subpaths of a path string as lists of points. */
const subpaths = (d: string) =>
  d
    .split('M')
    .filter(Boolean)
    .map((s) =>
      s
        .replace(/Z/g, '')
        .split('L')
        .map((p) => p.split(',').map(Number) as [number, number]),
    );

describe('mercatorPath', () => {
  it('projects every point where d3-geo’s Mercator does', () => {
    const at = mercatorPoint(projection);
    for (const [lon, lat] of [[73.5, 39.4], [135, 48.4], [110.3, 18.2], [121.5, 25], [87.6, 43.8]] as const) {
      const [x, y] = at(lon, lat);
      const [ex, ey] = projection([lon, lat])!;
      expect(Math.abs(x - ex) + Math.abs(y - ey)).toBeLessThan(1e-6);
    }
  });

  it('draws every province with d3-geo’s points, in order, to 0.1 px', () => {
    const fast = mercatorPath(projection);
    const d3 = geoPath(projection);
    for (const f of geo.provinces.features) {
      const mine = subpaths(fast(f)!);
      const theirs = subpaths(d3(f)!);
      expect(mine.length, f.properties.adcode).toBe(theirs.length);
      mine.forEach((ring, i) => {
        // Each of ours is the next of theirs within rounding (ours drops a point that rounds onto the last).
        let j = 0;
        for (const [x, y] of ring) {
          while (j < theirs[i]!.length && Math.hypot(theirs[i]![j]![0] - x, theirs[i]![j]![1] - y) > 0.08) j++;
          expect(j, `${f.properties.adcode} ring ${i}`).toBeLessThan(theirs[i]!.length);
          j++;
        }
        expect(ring.length).toBeGreaterThan(theirs[i]!.length * 0.5);
      });
    }
  });

  it('trims lines to a box, and leaves nothing of a line outside it', () => {
    const box: [[number, number], [number, number]] = [
      [600, 500],
      [700, 600],
    ];
    const trimmed = mercatorPath(projection, box)(geo.borders)!;
    const whole = mercatorPath(projection)(geo.borders)!;
    expect(trimmed.length).toBeLessThan(whole.length / 5);
    for (const ring of subpaths(trimmed))
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i]!, ring[i + 1]!];
        const meets = Math.max(a[0], b[0]) >= 599.9 && Math.min(a[0], b[0]) <= 700.1 && Math.max(a[1], b[1]) >= 499.9 && Math.min(a[1], b[1]) <= 600.1;
        expect(meets).toBe(true);
      }
    expect(mercatorPath(projection, [[-100, -100], [-50, -50]])(geo.borders)).toBeNull();
  });
});
