/**
 * Screen layout of cluster marks, shared by the WebGL map and the SVG fallback. Marks whose anchors
 * project to the same point (several clusters at one county seat; every cluster a document places only
 * in its province) are packed side by side around that point, so none hides another and none pretends
 * to a more precise place than its data has.
 */
import { packSiblings } from 'd3-hierarchy';
import type { ClusterMark } from '../data/marks.ts';

export interface SizeScale {
  /** Radius in px for a value in the metric's unit (亿元): area ∝ value. */
  radius(value: number | null): number;
  /** Legend values (real values from the data range), large to small. */
  legend: number[];
}

export const NEUTRAL_RADIUS = 4;

/** sqrt scale: `maxRadius` px for the largest value shown. */
export function sizeScale(values: readonly number[], maxRadius = 26): SizeScale {
  const max = Math.max(0, ...values);
  const k = max > 0 ? maxRadius / Math.sqrt(max) : 0;
  const radius = (v: number | null) => (v == null || v <= 0 || k === 0 ? NEUTRAL_RADIUS : Math.max(NEUTRAL_RADIUS + 1, k * Math.sqrt(v)));
  return { radius, legend: legendValues(max) };
}

/** Nice legend values (1, 2, 5 × 10^k) at about the maximum, a quarter and a twentieth of it: 2400 → [2000, 500, 100]. */
export function legendValues(max: number): number[] {
  if (!(max > 0)) return [];
  const niceFloor = (v: number) => {
    const mag = 10 ** Math.floor(Math.log10(v));
    return [5, 2, 1].map((m) => m * mag).find((c) => c <= v) ?? mag;
  };
  const top = niceFloor(max);
  return [...new Set([top, niceFloor(top / 4), niceFloor(top / 20)])].filter((v) => v >= 1);
}

export interface Placed {
  mark: ClusterMark;
  /** Offset in px from the anchor's projected point. */
  dx: number;
  dy: number;
  r: number;
}

/** Groups marks by identical anchor coordinates and packs each group; single marks stay put. */
export function packMarks(marks: readonly ClusterMark[], scale: SizeScale, gap = 1.5): Placed[] {
  const groups = new Map<string, ClusterMark[]>();
  for (const m of marks) {
    const key = `${m.anchor.lon.toFixed(4)},${m.anchor.lat.toFixed(4)}`;
    const g = groups.get(key) ?? [];
    g.push(m);
    groups.set(key, g);
  }
  const out: Placed[] = [];
  for (const g of groups.values()) {
    if (g.length === 1) {
      out.push({ mark: g[0]!, dx: 0, dy: 0, r: scale.radius(g[0]!.value) });
      continue;
    }
    // Deterministic order: largest first, then id.
    const circles = g
      .map((mark) => ({ mark, r: scale.radius(mark.value), x: 0, y: 0 }))
      .sort((a, b) => b.r - a.r || a.mark.cluster.id.localeCompare(b.mark.cluster.id));
    const packed = packSiblings(circles.map((c) => ({ r: c.r + gap, x: 0, y: 0 })));
    circles.forEach((c, i) => out.push({ mark: c.mark, dx: packed[i]!.x, dy: packed[i]!.y, r: c.r }));
  }
  return out;
}
