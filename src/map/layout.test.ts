import { describe, it, expect } from 'vitest';
import { legendValues, sizeScale, sizedMarks, spreadMarks, spreadForMap, NEUTRAL_RADIUS } from './layout.ts';
import type { ClusterMark } from '../data/marks.ts';

const mark = (id: string, lon: number, lat: number, value: number | null) =>
  ({ cluster: { id, province_adcode: '610000' }, anchor: { lon, lat, precision: 'county' }, value }) as unknown as ClusterMark;

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

  it('hands each mark to the maps with its radius, at its anchor', () => {
    const s = sizeScale([100, 400, 900]);
    const placed = sizedMarks([mark('a', 108, 34, 900), mark('c', 108, 34, null)], s);
    expect(placed.map((p) => [p.mark.cluster.id, p.dx, p.dy, p.r])).toEqual([
      ['a', 0, 0, s.radius(900)],
      ['c', 0, 0, NEUTRAL_RADIUS],
    ]);
  });

  it('spreads marks that would overlap on screen (not only those at one point), deterministically, and groups a crowd', () => {
    const s = sizeScale([100, 400, 900]);
    const r = (m: ClusterMark) => s.radius(m.value);
    // Screen = degrees × 10: a, b and c lie a few px apart, d far off.
    const project = (lon: number, lat: number): [number, number] => [lon * 10, -lat * 10];
    const marks = [mark('a', 121.6, 38.9, 900), mark('b', 121.7, 39.0, 400), mark('c', 121.5, 38.95, 100), mark('d', 108, 34, 100)];
    const out = spreadMarks(marks, r, project);
    expect(out.groups).toEqual([]);
    const at = new Map(out.placed.map((p) => [p.mark.cluster.id, { x: project(p.mark.anchor.lon, p.mark.anchor.lat)[0] + p.dx, y: project(p.mark.anchor.lon, p.mark.anchor.lat)[1] + p.dy, r: p.r }]));
    expect([out.placed.find((p) => p.mark.cluster.id === 'd')!.dx, out.placed.find((p) => p.mark.cluster.id === 'd')!.dy]).toEqual([0, 0]);
    const ids = ['a', 'b', 'c'];
    for (const i of ids) for (const j of ids) if (i < j) expect(Math.hypot(at.get(i)!.x - at.get(j)!.x, at.get(i)!.y - at.get(j)!.y)).toBeGreaterThanOrEqual(at.get(i)!.r + at.get(j)!.r);
    expect(spreadMarks([...marks].reverse(), r, project)).toEqual(out);
    // The same crowd with no room to spread becomes one group with its count; a click (expanded) opens it.
    const tight = spreadMarks(marks, r, project, { maxSpread: 10 });
    expect(tight.groups.map((g) => g.ids)).toEqual([['a', 'b', 'c']]);
    expect(spreadMarks(marks, r, project, { maxSpread: 10, expanded: new Set(['a,b,c']) }).groups).toEqual([]);
  });

  it('spreads the sized marks apart from a crowd of grey ones, which are drawn beneath and never fold them into a group', () => {
    const s = sizeScale([100, 400, 900]);
    const project = (lon: number, lat: number): [number, number] => [lon * 10, -lat * 10];
    const grey = Array.from({ length: 120 }, (_, i) => mark(`g${String(i).padStart(3, '0')}`, 118 + (i % 12) * 0.2, 30 + Math.floor(i / 12) * 0.2, null));
    const sized = [mark('a', 118.5, 30.5, 900), mark('b', 119, 31, 400), mark('c', 119.5, 31.5, 100)];
    const all = [...grey, ...sized];
    // Spread together, the sized marks are lost in one group with the crowd.
    const together = spreadMarks(all, (m) => s.radius(m.value), project);
    expect(together.groups.some((g) => g.ids.includes('a'))).toBe(true);
    const apart = spreadForMap(all, (m) => s.radius(m.value), project);
    expect(apart.groups.flatMap((g) => g.ids).filter((id) => !id.startsWith('g'))).toEqual([]);
    const order = apart.placed.map((p) => p.mark.cluster.id);
    expect(order.slice(-3).sort()).toEqual(['a', 'b', 'c']);
    // Without a sized or a grey mark it is spreadMarks itself.
    expect(spreadForMap(sized, (m) => s.radius(m.value), project)).toEqual(spreadMarks(sized, (m) => s.radius(m.value), project));
  });
});
