/**
 * Screen layout of cluster marks, shared by the WebGL map and the SVG fallback. Marks whose anchors
 * project to the same point (several clusters at one county seat; every cluster a document places only
 * in its province) are packed side by side around that point, so none hides another and none pretends
 * to a more precise place than its data has.
 */
import { packSiblings } from 'd3-hierarchy';
import type { ClusterMark } from '../data/marks.ts';
import { byCodeUnit as byId } from '../data/order.ts';

export interface SizeScale {
  /** Radius in px for a value in the metric's unit (亿元): area ∝ value. */
  radius(value: number | null): number;
  /** Legend values (real values from the data range), large to small. */
  legend: number[];
}

export const NEUTRAL_RADIUS = 4;

/**
 * One number for a grid cell (cx, cy), for cells within ±2^20 of the origin: a Map key without a string per
 * lookup. Cells within ±2^14 (every cell on a screen) get a small integer, which V8 keeps unboxed and hashes
 * fast; farther cells a larger number, above every small one.
 */
export const gridKey = (cx: number, cy: number): number =>
  cx >= -SMALL && cx < SMALL && cy >= -SMALL && cy < SMALL ? (cx + SMALL) * 2 * SMALL + (cy + SMALL) : (cx + 2 ** 20) * 2 ** 21 + (cy + 2 ** 20) + 2 ** 31;
const SMALL = 2 ** 14;


/** sqrt scale: `maxRadius` px for the largest value shown. */
export function sizeScale(values: readonly number[], maxRadius = 26): SizeScale {
  const max = values.reduce((m, v) => Math.max(m, v), 0); // not Math.max(...values): 100,000 arguments overflow the stack
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

/**
 * Each mark with its radius, at its anchor: what both maps are handed. They lay the marks out themselves at
 * their projection and zoom (spreadMarks below); packing marks here as well cost 100 ms a filter at 100,000
 * clusters and was never drawn.
 */
export function sizedMarks(marks: readonly ClusterMark[], scale: SizeScale): Placed[] {
  return marks.map((mark) => ({ mark, dx: 0, dy: 0, r: scale.radius(mark.value) }));
}

/** The province all these marks are placed only by (precision "province"), or null when any is placed more precisely or they are in two. */
export function onlyProvince(marks: readonly ClusterMark[]): string | null {
  let only: string | null = null;
  for (const m of marks) {
    if (m.anchor.precision !== 'province') return null;
    if (only == null) only = m.cluster.province_adcode;
    else if (only !== m.cluster.province_adcode) return null;
  }
  return only;
}

/** Marks told apart at one zoom: some moved off their point (drawn with a leader line back to it), some grouped. */
export interface Spread {
  placed: Placed[];
  groups: MarkGroup[];
}

/** Marks too many for the room they share, drawn as one ring with their count; it splits on zoom or click. */
export interface MarkGroup {
  /** Stable for the same members: the sorted ids joined. */
  key: string;
  ids: string[];
  /** Screen position (the projection's px) and radius. */
  x: number;
  y: number;
  r: number;
  /** All members are placed only by their province (drawn hollow like them). */
  provinceOnly: boolean;
}

export interface SpreadOptions {
  /** px between packed marks. */
  gap?: number;
  /** How far (px) a pack of marks may spread around its point before it becomes a group. */
  maxSpread?: number;
  /** The room (px radius) inside a province at this projection: marks placed only in it never spread beyond. */
  roomOf?(provinceAdcode: string): number | null;
  /** Group keys the reader opened (clicked): drawn spread whatever their size. */
  expanded?: ReadonlySet<string>;
}

/**
 * Lays out marks on screen at one projection (one zoom): marks that would hide one another are packed
 * around their shared centre, each moved the least a deterministic circle packing allows, and a pack that
 * would spread further than the room it has (its province's, for marks placed only in a province) becomes
 * one group with a count. The same function serves the WebGL map (recomputed on zoom) and the SVG map.
 */
export function spreadMarks(marks: readonly ClusterMark[], radius: (m: ClusterMark) => number, project: (lon: number, lat: number) => [number, number] | null, o: SpreadOptions = {}): Spread {
  const gap = o.gap ?? 1.5;
  const items = projectItems(marks, radius, project);
  const lay = laying(o, gap);
  // First the marks whose points hide one another, then whatever their packs cover.
  const comps = firstComponents(items, gap).map((members) => lay.items(members));
  mergeHiding(comps, lay.join, hiding(gap));
  const out: Spread = { placed: comps.flatMap((c) => c.placed), groups: comps.flatMap((c) => (c.group ? [{ ...c.group, ...idsOf(flat(c.bag)) }] : [])) };
  // Larger marks first, so that smaller ones are drawn on top; groups in a stable order.
  out.placed.sort((a, b) => b.r - a.r || byId(a.mark.cluster.id, b.mark.cluster.id));
  out.groups.sort((a, b) => byId(a.key, b.key));
  return out;
}

/** A mark on screen: its point at this projection and its radius. */
type Item = { m: ClusterMark; p: [number, number]; r: number };
/**
 * Marks drawn together: their bag and sums (stats), and what is drawn. box: the circles' extent [x0, y0, x1,
 * y1], radii included: components whose boxes are apart hide nothing of one another.
 */
type Comp = { bag: Bag; st: Stats; circles: { x: number; y: number; r: number }[]; placed: Placed[]; group: MarkGroup | null; box?: [number, number, number, number] };

/**
 * A component's marks as a tree of lists: two components join without copying their marks, which are listed
 * only when packed or written out. A crowd of 80,000 marks at the national view joins thousands of times on
 * its way to one group; copying it each time was most of a filter's layout.
 */
type Bag = Item[] | { a: Bag; b: Bag };

/** The marks in a bag, the first bag's before the second's (no recursion: a crowd's tree is deep). */
function flat(bag: Bag): Item[] {
  if (Array.isArray(bag)) return bag;
  const out: Item[] = [];
  const stack: Bag[] = [bag];
  while (stack.length) {
    const x = stack.pop()!;
    if (Array.isArray(x)) for (const it of x) out.push(it);
    else stack.push(x.b, x.a);
  }
  return out;
}

/**
 * What laying a component needs without its marks: their count, the sums of their points and of the area
 * each takes with its gap, and the province they are all placed only by (null when any is placed more
 * precisely or they are in two). Two components' stats add up.
 */
type Stats = { n: number; sx: number; sy: number; area: number; province: string | null };

function statsOf(items: readonly Item[], gap: number): Stats {
  const st: Stats = { n: items.length, sx: 0, sy: 0, area: 0, province: onlyProvince(items.map((c) => c.m)) };
  for (const c of items) {
    st.sx += c.p[0];
    st.sy += c.p[1];
    st.area += (c.r + gap) ** 2;
  }
  return st;
}

const addStats = (a: Stats, b: Stats): Stats => ({ n: a.n + b.n, sx: a.sx + b.sx, sy: a.sy + b.sy, area: a.area + b.area, province: a.province != null && a.province === b.province ? a.province : null });

/** The marks that project (those off the projection are left out), each with its radius. */
function projectItems(marks: readonly ClusterMark[], radius: (m: ClusterMark) => number, project: (lon: number, lat: number) => [number, number] | null): Item[] {
  const items: Item[] = [];
  for (const m of marks) {
    const p = project(m.anchor.lon, m.anchor.lat);
    if (p) items.push({ m, p, r: radius(m) });
  }
  return items;
}

/** The sorted ids and their key: for a group's output, and to ask whether the reader opened it. */
function idsOf(members: readonly Item[]): { ids: string[]; key: string } {
  // sort() without a comparator orders strings by code unit, as byId does, and is faster (no call per pair).
  const ids = members.map((c) => c.m.cluster.id).sort();
  return { ids, key: ids.join(',') };
}

/** A group ring; its ids and key are filled in once the layout is done (a crowd merges many times on its way). */
function asGroup(bag: Bag, st: Stats, x: number, y: number, room: number): Comp {
  const group = { key: '', ids: [] as string[], x, y, r: Math.max(9, Math.min(room, 7 + 2.5 * Math.sqrt(st.n))), provinceOnly: st.province != null };
  return { bag, st, circles: [group], placed: [], group };
}

/**
 * A component's drawing: one mark in place; several packed round their mean point; a group if they have no
 * room. `items` lays a list of marks; `join` two components laid before, as one.
 */
function laying(o: SpreadOptions, gap: number): { items(members: Item[]): Comp; join(a: Comp, b: Comp): Comp } {
  const maxSpread = o.maxSpread ?? 80;
  /** Did the reader open this pack? Only asked when some group was opened: the key costs a sort of the members. */
  const opened = (bag: Bag) => !!o.expanded?.size && o.expanded.has(idsOf(flat(bag)).key);
  const lay = (bag: Bag, st: Stats): Comp => {
    if (st.n === 1) {
      const c = flat(bag)[0]!;
      return { bag, st, circles: [{ x: c.p[0], y: c.p[1], r: c.r }], placed: [{ mark: c.m, dx: 0, dy: 0, r: c.r }], group: null };
    }
    const cx = st.sx / st.n;
    const cy = st.sy / st.n;
    const room = st.province ? (o.roomOf?.(st.province) ?? maxSpread) : maxSpread;
    const open = opened(bag);
    // A pack spreads at least as far as one disc of the circles' total area: when that is already more
    // than the room, it is a group without packing it (packing 50,000 circles takes seconds).
    if (Math.sqrt(st.area) > room && !open) return asGroup(bag, st, cx, cy, room);
    const comp = [...flat(bag)].sort((a, b) => b.r - a.r || byId(a.m.cluster.id, b.m.cluster.id));
    const packed = packSiblings(comp.map((c) => ({ r: c.r + gap, x: 0, y: 0 })));
    const spread = packed.reduce((m, c) => Math.max(m, Math.hypot(c.x, c.y) + c.r), 0);
    if (spread > room && !open) return asGroup(comp, st, cx, cy, room);
    const placed = comp.map((c, i) => ({ mark: c.m, dx: cx + packed[i]!.x - c.p[0], dy: cy + packed[i]!.y - c.p[1], r: c.r }));
    return { bag: comp, st, circles: comp.map((c, i) => ({ x: cx + packed[i]!.x, y: cy + packed[i]!.y, r: c.r })), placed, group: null };
  };
  return { items: (members) => lay(members, statsOf(members, gap)), join: (a, b) => lay({ a: a.bag, b: b.bag }, addStats(a.st, b.st)) };
}

/**
 * Does one component hide the other? Marks hide one another when one's centre lies inside (or at the rim
 * of) the other's circle; circles that only overlap at their edges both stay readable and stay put.
 */
function hiding(gap: number): (a: Comp, b: Comp) => boolean {
  const boxOf = (c: Comp) => (c.box ??= c.circles.reduce<[number, number, number, number]>((b, x) => [Math.min(b[0], x.x - x.r), Math.min(b[1], x.y - x.r), Math.max(b[2], x.x + x.r), Math.max(b[3], x.y + x.r)], [Infinity, Infinity, -Infinity, -Infinity]));
  const apart = (a: Comp, b: Comp) => {
    const p = boxOf(a), q = boxOf(b);
    return p[2] + gap < q[0] || q[2] + gap < p[0] || p[3] + gap < q[1] || q[3] + gap < p[1];
  };
  return (a, b) => !apart(a, b) && a.circles.some((x) => b.circles.some((y) => Math.hypot(x.x - y.x, x.y - y.y) < Math.max(x.r, y.r) + gap));
}

/**
 * The marks whose points hide one another, joined (union–find), in first-seen order. Marks at one point
 * hide one another: they are joined first, and the pairs are then tested between distinct points only
 * (100,000 marks stand on a few thousand county seats and province centres). A point P joins a point Q when
 * P's largest mark reaches Q's centre and Q has a mark no larger: the test of every pair of their marks
 * gives the same answer.
 */
function firstComponents(items: readonly Item[], gap: number): Item[][] {
  // Keyed by x, then y: no string made per mark. Union–find runs over the points, not the marks.
  const atPoint = new Map<number, Map<number, number>>();
  const points: JoinPoint[] = [];
  const pointOf = new Int32Array(items.length);
  items.forEach((it, i) => {
    const [x, y] = it.p;
    const column = atPoint.get(x) ?? atPoint.set(x, new Map()).get(x)!;
    const k = column.get(y);
    if (k === undefined) {
      column.set(y, points.length);
      pointOf[i] = points.length;
      points.push({ p: it.p, maxR: it.r, minR: it.r });
    } else {
      const pt = points[k]!;
      pointOf[i] = k;
      if (it.r > pt.maxR) pt.maxR = it.r;
      if (it.r < pt.minR) pt.minR = it.r;
    }
  });
  const parent = new Int32Array(points.length).map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const up = parent[i]!;
      parent[i] = root;
      i = up;
    }
    return root;
  };
  joinNearPoints(points, find, parent, gap);
  const first = new Map<number, Item[]>();
  items.forEach((it, i) => {
    const root = find(pointOf[i]!);
    const list = first.get(root);
    if (list) list.push(it);
    else first.set(root, [it]);
  });
  return [...first.values()];
}

type JoinPoint = { p: [number, number]; maxR: number; minR: number };

/**
 * Joins points whose marks hide one another (union–find over `parent`). A grid instead of a test of every
 * pair (10,000 points: 50 million pairs): each point looks only as far as its largest mark's reach
 * (r + gap), in the cells that far. The cells are half a typical point's reach (the median): in a dense
 * crowd a point then tests few more points than it can reach.
 */
function joinNearPoints(points: JoinPoint[], find: (i: number) => number, parent: Int32Array, gap: number): void {
  const radii = points.map((pt) => pt.maxR).sort((a, b) => a - b);
  const reach = Math.max(1, ((radii[Math.floor(radii.length / 2)] ?? 0) + gap) / 2);
  const cellOf = (p: [number, number]) => [Math.floor(p[0] / reach), Math.floor(p[1] / reach)] as const;
  const grid = new Map<number, number[]>();
  points.forEach((pt, i) => {
    const [cx, cy] = cellOf(pt.p);
    const k = gridKey(cx, cy);
    const list = grid.get(k);
    if (list) list.push(i);
    else grid.set(k, [i]);
  });
  // A cell whose points all joined one component is remembered: a later point already in that component
  // skips it (a dense crowd, 80,000 points at the national view, would otherwise test every near pair).
  const joined = new Map<number, number>();
  points.forEach((a, i) => {
    const [cx, cy] = cellOf(a.p);
    const rings = Math.ceil((a.maxR + gap) / reach);
    for (let dx = -rings; dx <= rings; dx++)
      for (let dy = -rings; dy <= rings; dy++) {
        const k = gridKey(cx + dx, cy + dy);
        const cell = grid.get(k);
        if (!cell) continue;
        const done = joined.get(k);
        if (done != null && find(done) === find(i)) continue;
        let all = true;
        for (const j of cell) {
          const b = points[j]!;
          if (j !== i && b.minR <= a.maxR && Math.hypot(a.p[0] - b.p[0], a.p[1] - b.p[1]) < a.maxR + gap) parent[find(i)] = find(j);
          else if (j !== i && find(j) !== find(i)) all = false;
        }
        if (all) joined.set(k, i);
      }
  });
}

/**
 * Merges components that hide one another and lays them out again, until none does (a pack that grew
 * over its neighbours takes them in; one with no room left becomes a group).
 */
function mergeHiding<C>(comps: C[], join: (a: C, b: C) => C, hides: (a: C, b: C) => boolean): void {
  // Merge components that hide one another and lay them out again, until none does (a pack that grew
  // over its neighbours takes them in; one with no room left becomes a group).
  // Always the first such pair in row order, as a rescan from the start would find it: the rows before a
  // merge were clear of one another, so only the merged component is checked against them again.
  for (let i = 0; i < comps.length; ) {
    let j = i + 1;
    while (j < comps.length && !hides(comps[i]!, comps[j]!)) j++;
    if (j === comps.length) {
      i++;
      continue;
    }
    comps[i] = join(comps[i]!, comps[j]!);
    comps.splice(j, 1);
    for (let k = 0; k < i; ) {
      if (!hides(comps[k]!, comps[i]!)) {
        k++;
        continue;
      }
      comps[k] = join(comps[k]!, comps[i]!);
      comps.splice(i, 1);
      i = k;
      k = 0;
    }
  }
}

/**
 * The map's layout: the marks that carry a figure and the grey marks without one are spread apart, each
 * so that none of its kind hides another (and grouped where they have no room), the grey ones drawn
 * under the others. A crowd of small grey marks never folds the sized marks into one group ring.
 */
export function spreadForMap(marks: readonly ClusterMark[], radius: (m: ClusterMark) => number, project: (lon: number, lat: number) => [number, number] | null, o: SpreadOptions = {}): Spread {
  const sized = marks.filter((m) => m.value != null);
  if (!sized.length || sized.length === marks.length) return spreadMarks(marks, radius, project, o);
  const under = spreadMarks(marks.filter((m) => m.value == null), radius, project, o);
  const over = spreadMarks(sized, radius, project, o);
  return { placed: [...under.placed, ...over.placed], groups: [...under.groups, ...over.groups] };
}

/** The room inside each province at a projection: a little under half its projected extent's smaller side, in px. */
export function provinceRooms(features: readonly { properties: { adcode: string } }[], bounds: (f: never) => [[number, number], [number, number]]): Map<string, number> {
  return new Map(
    features.map((f) => {
      const [[x0, y0], [x1, y1]] = bounds(f as never);
      return [f.properties.adcode, 0.45 * Math.min(x1 - x0, y1 - y0)];
    }),
  );
}
