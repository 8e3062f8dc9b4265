import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoMercator, geoPath } from 'd3-geo';
import type { Topology } from 'topojson-specification';
import { mercatorPath, mercatorPoint, clipSegment, clipRing } from './fastPath.ts';
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

  it('clips lines and filled shapes to a box: nothing drawn outside it', () => {
    const box: [[number, number], [number, number]] = [
      [600, 500],
      [700, 600],
    ];
    const inside = (d: string) => subpaths(d).every((ring) => ring.every(([x, y]) => x >= 599.95 && x <= 700.05 && y >= 499.95 && y <= 600.05));
    const lines = mercatorPath(projection, box)(geo.borders)!;
    expect(lines.length).toBeLessThan(mercatorPath(projection)(geo.borders)!.length / 5);
    expect(inside(lines)).toBe(true);
    const guangdong = geo.provinces.features.find((f) => f.properties.adcode === '440000')!;
    const [[gx0, gy0], [gx1, gy1]] = geoPath(projection).bounds(guangdong);
    const cut: [[number, number], [number, number]] = [
      [(gx0 + gx1) / 2, gy0 - 10],
      [gx1 + 10, (gy0 + gy1) / 2],
    ];
    const filled = mercatorPath(projection, cut, 'fill')(guangdong)!;
    expect(subpaths(filled).every((ring) => ring.every(([x, y]) => x >= cut[0][0] - 0.05 && x <= cut[1][0] + 0.05 && y >= cut[0][1] - 0.05 && y <= cut[1][1] + 0.05))).toBe(true);
    expect(filled.length).toBeGreaterThan(100);
    expect(mercatorPath(projection, [[-100, -100], [-50, -50]])(geo.borders)).toBeNull();
  });

  it('clips a segment and a ring exactly', () => {
    const box: [[number, number], [number, number]] = [
      [0, 0],
      [10, 10],
    ];
    expect(clipSegment([-5, 5], [15, 5], box)).toEqual([
      [0, 5],
      [10, 5],
    ]);
    expect(clipSegment([-5, -5], [-1, 20], box)).toBeNull();
    expect(clipSegment([2, 2], [3, 3], box)).toEqual([
      [2, 2],
      [3, 3],
    ]);
    // A square twice the box's size, centred on its corner: the box's quarter remains.
    const ring = clipRing(
      [
        [-10, -10],
        [10, -10],
        [10, 10],
        [-10, 10],
      ],
      [
        [0, 0],
        [20, 20],
      ],
    );
    expect(new Set(ring.map((p) => p.join(',')))).toEqual(new Set(['0,0', '10,0', '10,10', '0,10']));
  });
});
