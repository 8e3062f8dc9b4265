import { describe, it, expect } from 'vitest';
import { legendValues, sizeScale, sizedMarks, spreadMarks, spreadForMap, NEUTRAL_RADIUS, PartCache, readableGroups, pointGrid, RING_MAX_RADIUS } from './layout.ts';
import type { ClusterMark } from '../data/marks.ts';

/** The layout's input: each mark with its radius; and a projection of (lon, lat) as the layout calls it (with the anchor). */
const sz = (marks: readonly ClusterMark[], r: (m: ClusterMark) => number) => marks.map((mark) => ({ mark, r: r(mark) }));
const onAnchor = (f: (lon: number, lat: number) => [number, number]) => (a: { lon: number; lat: number }) => f(a.lon, a.lat);
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
    const out = spreadMarks(sz(marks, r), onAnchor(project));
    expect(out.groups).toEqual([]);
    const at = new Map(out.placed.map((p) => [p.mark.cluster.id, { x: project(p.mark.anchor.lon, p.mark.anchor.lat)[0] + p.dx, y: project(p.mark.anchor.lon, p.mark.anchor.lat)[1] + p.dy, r: p.r }]));
    expect([out.placed.find((p) => p.mark.cluster.id === 'd')!.dx, out.placed.find((p) => p.mark.cluster.id === 'd')!.dy]).toEqual([0, 0]);
    const ids = ['a', 'b', 'c'];
    for (const i of ids) for (const j of ids) if (i < j) expect(Math.hypot(at.get(i)!.x - at.get(j)!.x, at.get(i)!.y - at.get(j)!.y)).toBeGreaterThanOrEqual(at.get(i)!.r + at.get(j)!.r);
    expect(spreadMarks(sz([...marks].reverse(), r), onAnchor(project))).toEqual(out);
    // The same crowd with no room to spread becomes one group with its count; a click (expanded) opens it.
    const tight = spreadMarks(sz(marks, r), onAnchor(project), { maxSpread: 10 });
    expect(tight.groups.map((g) => g.ids)).toEqual([['a', 'b', 'c']]);
    expect(spreadMarks(sz(marks, r), onAnchor(project), { maxSpread: 10, expanded: new Set([tight.groups[0]!.key]) }).groups).toEqual([]);
  });

  it("sizes a group's ring by its count up to a largest ring, which a crowd of thousands gets", () => {
    const project = (lon: number, lat: number): [number, number] => [lon * 10, -lat * 10];
    const crowd = (n: number) => Array.from({ length: n }, (_, i) => mark(`k${String(i).padStart(5, '0')}`, 110 + (i % 50) * 0.01, 30 + Math.floor(i / 50) * 0.01, null));
    const ringOf = (n: number) => {
      const { groups } = spreadMarks(sz(crowd(n), () => NEUTRAL_RADIUS), onAnchor(project), { maxSpread: 40 });
      expect(groups.map((g) => g.count)).toEqual([n]);
      return groups[0]!.r;
    };
    expect(ringOf(100)).toBeCloseTo(7 + 2.5 * 10);
    expect(ringOf(3000)).toBe(RING_MAX_RADIUS);
    expect(ringOf(3000)).toBeLessThan(7 + 2.5 * Math.sqrt(3000));
  });

  it('spreads the sized marks apart from a crowd of grey ones, which are drawn beneath and never fold them into a group', () => {
    const s = sizeScale([100, 400, 900]);
    const project = (lon: number, lat: number): [number, number] => [lon * 10, -lat * 10];
    const grey = Array.from({ length: 120 }, (_, i) => mark(`g${String(i).padStart(3, '0')}`, 118 + (i % 12) * 0.2, 30 + Math.floor(i / 12) * 0.2, null));
    const sized = [mark('a', 118.5, 30.5, 900), mark('b', 119, 31, 400), mark('c', 119.5, 31.5, 100)];
    const all = [...grey, ...sized];
    // Spread together, the sized marks are lost in one group with the crowd.
    const together = spreadMarks(sz(all, (m) => s.radius(m.value)), onAnchor(project));
    expect(together.groups.some((g) => g.ids.includes('a'))).toBe(true);
    const apart = spreadForMap(sz(all, (m) => s.radius(m.value)), onAnchor(project));
    expect(apart.groups.flatMap((g) => g.ids).filter((id) => !id.startsWith('g'))).toEqual([]);
    const order = apart.placed.map((p) => p.mark.cluster.id);
    expect(order.slice(-3).sort()).toEqual(['a', 'b', 'c']);
    // Without a sized or a grey mark it is spreadMarks itself.
    expect(spreadForMap(sz(sized, (m) => s.radius(m.value)), onAnchor(project))).toEqual(spreadMarks(sz(sized, (m) => s.radius(m.value)), onAnchor(project)));
  });
  it('keeps every mark exactly once while crowds join many times, and a crowd placed only in its province stays in its room', () => {
    const s = sizeScale([5000]); // 5-px marks
    const r = (m: ClusterMark) => s.radius(m.value);
    const project = (lon: number, lat: number): [number, number] => [lon * 10, -lat * 10];
    // 2,000 marks, 20 on each of 100 points 15 px apart: no mark hides a neighbouring point's, but each point's
    // pack spreads over its neighbours, so the packs join one by one (and the crowd becomes a group on its way).
    const marks = Array.from({ length: 2000 }, (_, i) => mark(`m${String(i).padStart(4, '0')}`, 100 + (i % 100) * 1.5, 30, i % 7 ? 50 : null));
    const ids = (out: ReturnType<typeof spreadMarks>) => [...out.placed.map((p) => p.mark.cluster.id), ...out.groups.flatMap((g) => g.ids)].sort();
    const out = spreadMarks(sz(marks, r), onAnchor(project));
    expect(ids(out)).toEqual(marks.map((m) => m.cluster.id).sort());
    expect(out.groups.length).toBeGreaterThan(0);
    for (const g of out.groups) expect(g.ids).toEqual([...g.ids].sort());
    expect(ids(spreadMarks(sz([...marks].reverse(), r), onAnchor(project)))).toEqual(ids(out));
    // The same crowd placed only by its province: groups (joined ones among them), hollow, no larger than the province's room.
    const inProvince = marks.map((m) => ({ ...m, anchor: { ...m.anchor, precision: 'province' } }) as ClusterMark);
    const boxed = spreadMarks(sz(inProvince, r), onAnchor(project), { roomOf: (adcode) => (adcode === '610000' ? 20 : null) });
    expect(ids(boxed)).toEqual(ids(out));
    expect(boxed.groups.every((g) => g.provinceOnly && g.r <= 20)).toBe(true);
    expect(boxed.groups.some((g) => g.ids.length > 20)).toBe(true);
    // One mark placed more precisely between two points, under their rings: the group it joins is no longer only the province's.
    const mixed = spreadMarks(sz([...inProvince, mark('z', 130.75, 30, 50)], r), onAnchor(project), { roomOf: () => 20 });
    const withZ = mixed.groups.find((g) => g.ids.includes('z'))!;
    expect([withZ.ids.length > 1, withZ.provinceOnly]).toEqual([true, false]);
    expect(mixed.groups.find((g) => g.ids.includes('z'))?.provinceOnly ?? false).toBe(false);
  });

  it('keys a group by its members whatever their order, counts them, and lists them sorted only when asked', () => {
    const s = sizeScale([100]);
    const project = onAnchor((lon: number, lat: number): [number, number] => [lon * 10, -lat * 10]);
    const crowd = Array.from({ length: 40 }, (_, i) => mark(`k${String(i).padStart(2, '0')}`, 110 + (i % 5) * 0.05, 30, 100));
    const one = spreadMarks(sz(crowd, (m) => s.radius(m.value)), project, { maxSpread: 10 }).groups;
    const other = spreadMarks(sz([...crowd].reverse(), (m) => s.radius(m.value)), project, { maxSpread: 10 }).groups;
    expect(one).toHaveLength(1);
    expect(other.map((g) => g.key)).toEqual(one.map((g) => g.key));
    expect(one[0]!.count).toBe(40);
    expect(one[0]!.ids).toEqual(crowd.map((m) => m.cluster.id).sort());
    // The first few by id without the sort, from a group never asked for its members, in shuffled order.
    const shuffled = [...crowd].sort((a, b) => ((a.cluster.id.charCodeAt(2) * 7 + a.cluster.id.charCodeAt(1)) % 11) - ((b.cluster.id.charCodeAt(2) * 7 + b.cluster.id.charCodeAt(1)) % 11));
    const fresh = spreadMarks(sz(shuffled, (m) => s.radius(m.value)), project, { maxSpread: 10 }).groups[0]!;
    const sorted = crowd.map((m) => m.cluster.id).sort();
    for (const n of [1, 5, 30, 40, 50]) expect(fresh.firstMembers(n).map((m) => m.cluster.id)).toEqual(sorted.slice(0, n));
    // One member fewer is another group.
    const fewer = spreadMarks(sz(crowd.slice(1), (m) => s.radius(m.value)), project, { maxSpread: 10 }).groups;
    expect(fewer[0]!.key).not.toBe(one[0]!.key);
  });

  it("reuses a region's layout that a filter left as it was, with the same result as laying everything out again", () => {
    const s = sizeScale([100, 400, 900]);
    const project = onAnchor((lon: number, lat: number): [number, number] => [lon * 10, -lat * 10]);
    const inRegion = (region: string, m: ClusterMark) => ({ ...m, region }) as ClusterMark;
    // Two regions whose crowds meet at a border (x = 115), and a third far off.
    const east = Array.from({ length: 30 }, (_, i) => inRegion('east', mark(`e${String(i).padStart(2, '0')}`, 115 + (i % 6) * 0.3, 30 + Math.floor(i / 6) * 0.3, i % 3 ? 100 : 900)));
    const central = Array.from({ length: 30 }, (_, i) => inRegion('central', mark(`c${String(i).padStart(2, '0')}`, 115 - (i % 6) * 0.3, 30 + Math.floor(i / 6) * 0.3, i % 4 ? 400 : null)));
    const west = Array.from({ length: 10 }, (_, i) => inRegion('west', mark(`w${i}`, 100 + i, 35, 100)));
    const sized = sizedMarks([...east, ...central, ...west], s);
    const without = (region: string) => sized.filter((p) => p.mark.region !== region);
    const parts = new PartCache();
    const all = spreadForMap(sized, project, { parts });
    const noEast = spreadForMap(without('east'), project, { parts });
    // The same result as with nothing kept, both ways.
    expect(noEast).toEqual(spreadForMap(without('east'), project));
    expect(spreadForMap(sized, project, { parts })).toEqual(all);
    expect(all).toEqual(spreadForMap(sized, project));
    // The western marks, apart from the others and left alone by the filter, are the very objects laid out before.
    const placedOf = (out: typeof all, id: string) => out.placed.find((p) => p.mark.cluster.id === id);
    expect(placedOf(noEast, 'w3')).toBe(placedOf(all, 'w3'));
    // Every mark exactly once, and none hides another across the border.
    const ids = (out: typeof all) => [...out.placed.map((p) => p.mark.cluster.id), ...out.groups.flatMap((g) => g.ids)].sort();
    expect(ids(all)).toEqual(sized.map((p) => p.mark.cluster.id).sort());
    const grey = all.placed.filter((p) => p.mark.value == null);
    const drawn = all.placed.filter((p) => p.mark.value != null);
    for (const layer of [grey, drawn])
      for (const a of layer)
        for (const b of layer) {
          if (a === b) continue;
          const [ax, ay] = project(a.mark.anchor)!;
          const [bx, by] = project(b.mark.anchor)!;
          expect(Math.hypot(ax + a.dx - bx - b.dx, ay + a.dy - by - b.dy)).toBeGreaterThanOrEqual(Math.max(a.r, b.r));
        }
  });

  it("does not print a group's count where a ring drawn above it covers its centre", () => {
    const under = { x: 100, y: 100, r: 40 };
    const over = { x: 110, y: 95, r: 30 };
    const apart = { x: 300, y: 100, r: 20 };
    expect(readableGroups([under, over, apart])).toEqual([over, apart]);
    // Drawn the other way round, the small ring on top keeps its count and so does the large one, whose centre it does not cover.
    expect(readableGroups([{ x: 100, y: 100, r: 40 }, { x: 130, y: 100, r: 10 }])).toHaveLength(2);
  });

  it('files every point in the grid cell of its position, in ascending order, whether the cells are numbered by box or by Map', () => {
    // A seeded walk: the same points on every run.
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const reach = 3;
    const check = (xs: number[], ys: number[]) => {
      const n = xs.length;
      const grid = pointGrid({ n, x: Float64Array.from(xs), y: Float64Array.from(ys) }, reach);
      const seen = new Set<number>();
      const cellKeys = new Set<string>();
      for (let i = 0; i < n; i++) {
        const cx = Math.floor(xs[i]! / reach), cy = Math.floor(ys[i]! / reach);
        cellKeys.add(`${cx},${cy}`);
        const c = grid.cellAt(cx, cy);
        expect(c).toBeGreaterThanOrEqual(0);
        const members = Array.from(grid.members.subarray(grid.start[c]!, grid.start[c + 1]!));
        expect(members).toContain(i);
        expect(members).toEqual([...members].sort((a, b) => a - b));
        // Every member of the cell is at that cell.
        for (const j of members) expect([Math.floor(xs[j]! / reach), Math.floor(ys[j]! / reach)]).toEqual([cx, cy]);
        seen.add(i);
      }
      expect(seen.size).toBe(n);
      expect(grid.members.length).toBe(n);
      // A cell with no point answers -1 or holds nothing.
      const far = grid.cellAt(10 ** 7, -(10 ** 7));
      expect(far === -1 || grid.start[far] === grid.start[far + 1]).toBe(true);
      return { grid, occupied: cellKeys.size };
    };
    // A screen's worth of points, several to a cell: numbered by box (every cell of it, empty or not).
    const xs = Array.from({ length: 3000 }, () => rand() * 1440), ys = Array.from({ length: 3000 }, () => rand() * 900);
    const boxed = check(xs, ys);
    expect(boxed.grid.cells).toBeGreaterThan(boxed.occupied);
    // Points a world apart (zoomed in): a box of 10^12 cells, so only the occupied cells are numbered.
    const wide = check([0, 1, 3e6, 3e6 + 2, -5e5], [0, 2, 3e6, 3e6, 4e6]);
    expect(wide.grid.cells).toBe(wide.occupied);
  });
});
