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

/** A mark and its radius: what the layout is handed. */
export type Sized = Pick<Placed, 'mark' | 'r'>;

/** A point's screen position (px) at one projection, or null when it does not project. */
export type Project = (at: { lon: number; lat: number }) => [number, number] | null;

/**
 * A projection that hands one array per place (lon, lat): the layout then takes the marks at a county seat
 * as one point instead of one per mark (100,000 marks stand on a few thousand places).
 */
export function samePointPerPlace(project: (lon: number, lat: number) => [number, number] | null): Project {
  const places = new Map<number, Map<number, [number, number] | null>>();
  return ({ lon, lat }) => {
    let column = places.get(lon);
    if (!column) places.set(lon, (column = new Map()));
    let p = column.get(lat);
    if (p === undefined) column.set(lat, (p = project(lon, lat)));
    return p;
  };
}

const sizedByScale = new WeakMap<SizeScale, WeakMap<ClusterMark, Placed>>();

/**
 * Each mark with its radius, at its anchor: what both maps are handed. They lay the marks out themselves at
 * their projection and zoom (spreadMarks below); packing marks here as well cost 100 ms a filter at 100,000
 * clusters and was never drawn. A mark gets the same object for a scale every time (marks are never changed
 * once built): a filter allocates nothing here, and a region's marks that a filter left alone are the same
 * list item for item (what PartCache compares).
 */
export function sizedMarks(marks: readonly ClusterMark[], scale: SizeScale): Placed[] {
  let known = sizedByScale.get(scale);
  if (!known) sizedByScale.set(scale, (known = new WeakMap()));
  const out: Placed[] = new Array(marks.length);
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i]!;
    let p = known.get(mark);
    if (!p) known.set(mark, (p = { mark, dx: 0, dy: 0, r: scale.radius(mark.value) }));
    out[i] = p;
  }
  return out;
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
  /** Stable for the same members, whatever their order: their count and two sums of their ids' hashes. */
  readonly key: string;
  /** How many marks the ring stands for. */
  readonly count: number;
  /** The members, by id (listed when first asked: a crowd of 80,000 costs a sort). */
  readonly members: readonly ClusterMark[];
  /** Their ids, in that order. */
  readonly ids: readonly string[];
  /** The first n members by id (the first n of `members`), found without sorting them all. */
  firstMembers(n: number): readonly ClusterMark[];
  /** Screen position (the projection's px) and radius. */
  readonly x: number;
  readonly y: number;
  readonly r: number;
  /** All members are placed only by their province (drawn hollow like them). */
  readonly provinceOnly: boolean;
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
  /** Each region's layout kept from earlier calls with the same projection and options (see PartCache). */
  parts?: PartCache;
}

/**
 * Lays out marks on screen at one projection (one zoom): marks that would hide one another are packed
 * around their shared centre, each moved the least a deterministic circle packing allows, and a pack that
 * would spread further than the room it has (its province's, for marks placed only in a province) becomes
 * one group with a count. The same function serves the WebGL map (recomputed on zoom) and the SVG map.
 *
 * Each region's marks are laid out on their own first, then whatever hides across a regional border is
 * joined: a filter that leaves a region's marks as they were finds that region's layout in `o.parts`.
 */
export function spreadMarks(marks: readonly Sized[], project: Project, o: SpreadOptions = {}): Spread {
  const gap = o.gap ?? 1.5;
  const lay = laying(o, gap);
  const hides = hiding(gap);
  const layPart = (region: string, part: Sized[]): Comp[] => {
    const known = o.parts?.get(region, part);
    if (known) return known;
    // First the marks whose points hide one another, then whatever their packs cover.
    const comps = firstComponents(projectItems(part, project, o.parts), gap).map((members) => lay.items(members));
    mergeHiding(comps, lay.join, hides);
    o.parts?.set(region, part, comps);
    return comps;
  };
  const comps = byRegion(marks).flatMap(([region, part]) => layPart(region, part));
  mergeHiding(comps, lay.join, hides);
  return spreadOf(comps);
}

/** The marks of each region (in the order given), regions in a fixed order. */
function byRegion(marks: readonly Sized[]): [string, Sized[]][] {
  const parts = new Map<string, Sized[]>();
  for (const s of marks) {
    const key = String(s.mark.region);
    const part = parts.get(key);
    if (part) part.push(s);
    else parts.set(key, [s]);
  }
  return [...parts].sort((a, b) => byId(a[0], b[0]));
}

/** What the maps draw from the components: each placed mark, larger first (smaller ones on top); each group. */
function spreadOf(comps: readonly Comp[]): Spread {
  const placed = comps.flatMap((c) => c.placed);
  const groups = comps.flatMap((c) => (c.ring ? [new Group(c.ring, c.bag, c.st)] : []));
  placed.sort((a, b) => b.r - a.r || byId(a.mark.cluster.id, b.mark.cluster.id));
  groups.sort((a, b) => byId(a.key, b.key));
  return { placed, groups };
}

/**
 * The layout of each region's marks at one projection, kept between calls of spreadMarks: a filter that
 * leaves a region's marks as they were (the same marks with the same radii, in the same order) lays out
 * only the regions it changed, then the borders. The caller keeps one per projection and options, and
 * starts a new one when either changes. A few layouts per region are kept, the latest used last.
 */
export class PartCache {
  private readonly parts = new Map<string, { marks: Sized[]; comps: Comp[] }[]>();
  /** Each mark on screen (null: off the projection). */
  readonly items = new WeakMap<Sized, Item | null>();

  get(region: string, marks: readonly Sized[]): Comp[] | null {
    const kept = this.parts.get(region) ?? [];
    const at = kept.findIndex((k) => sameMarks(k.marks, marks));
    if (at < 0) return null;
    const [hit] = kept.splice(at, 1);
    kept.push(hit!);
    return [...hit!.comps];
  }

  set(region: string, marks: Sized[], comps: readonly Comp[]): void {
    const kept = this.parts.get(region) ?? this.parts.set(region, []).get(region)!;
    kept.push({ marks, comps: [...comps] });
    if (kept.length > PART_LAYOUTS_KEPT) kept.shift();
  }
}
const PART_LAYOUTS_KEPT = 6;

const sameMarks = (a: readonly Sized[], b: readonly Sized[]) => a.length === b.length && a.every((s, i) => s.mark === b[i]!.mark && s.r === b[i]!.r);

/** A mark on screen: its point at this projection and its radius. */
type Item = { m: ClusterMark; p: [number, number]; r: number };
/** A group's ring on screen, before its members are listed. */
type Ring = { x: number; y: number; r: number; provinceOnly: boolean };
/**
 * Marks drawn together: their bag and sums (stats), and what is drawn. box: the circles' extent [x0, y0, x1,
 * y1], radii included: components whose boxes are apart hide nothing of one another.
 */
type Comp = { bag: Bag; st: Stats; circles: { x: number; y: number; r: number }[]; placed: Placed[]; ring: Ring | null; box?: [number, number, number, number] };

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

/** A group as the maps get it: its members listed and sorted only when asked (a tooltip, locate()). */
class Group implements MarkGroup {
  readonly key: string;
  readonly count: number;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly provinceOnly: boolean;
  readonly #bag: Bag;
  #members: ClusterMark[] | null = null;
  #ids: string[] | null = null;

  constructor(ring: Ring, bag: Bag, st: Stats) {
    ({ x: this.x, y: this.y, r: this.r, provinceOnly: this.provinceOnly } = ring);
    this.key = groupKey(st);
    this.count = st.n;
    this.#bag = bag;
  }

  get members(): readonly ClusterMark[] {
    return (this.#members ??= flat(this.#bag)
      .map((c) => c.m)
      .sort((a, b) => byId(a.cluster.id, b.cluster.id)));
  }

  get ids(): readonly string[] {
    return (this.#ids ??= this.members.map((m) => m.cluster.id));
  }

  firstMembers(n: number): readonly ClusterMark[] {
    if (this.#members || n >= this.count) return this.members.slice(0, n);
    // A short list kept in order: one pass, most marks compared once with its last.
    const top: ClusterMark[] = [];
    const after = (a: ClusterMark, b: ClusterMark) => byId(a.cluster.id, b.cluster.id) > 0;
    for (const { m } of flat(this.#bag)) {
      if (top.length === n && !after(top[n - 1]!, m)) continue;
      let i = Math.min(top.length, n - 1);
      while (i > 0 && after(top[i - 1]!, m)) i--;
      top.splice(i, 0, m);
      if (top.length > n) top.pop();
    }
    return top;
  }
}

/**
 * What laying a component needs without its marks: their count, the sums of their points and of the area
 * each takes with its gap, the province they are all placed only by (null when any is placed more
 * precisely or they are in two), and two sums of their ids' hashes (a key for the same members in any
 * order, without sorting them). Two components' stats add up.
 */
type Stats = { n: number; sx: number; sy: number; area: number; province: string | null; h1: number; h2: number };

function statsOf(items: readonly Item[], gap: number): Stats {
  const st: Stats = { n: items.length, sx: 0, sy: 0, area: 0, province: items[0]?.m.anchor.precision === 'province' ? items[0].m.cluster.province_adcode : null, h1: 0, h2: 0 };
  for (const c of items) {
    st.sx += c.p[0];
    st.sy += c.p[1];
    st.area += (c.r + gap) ** 2;
    if (st.province != null && (c.m.anchor.precision !== 'province' || c.m.cluster.province_adcode !== st.province)) st.province = null;
    // FNV-1a and a multiply–xorshift hash of the id, 32 bits each (cheaper than keeping them per mark).
    const id = c.m.cluster.id;
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let k = 0; k < id.length; k++) {
      const ch = id.charCodeAt(k);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x5bd1e995);
      b ^= b >>> 15;
    }
    st.h1 = (st.h1 + (a >>> 0)) >>> 0;
    st.h2 = (st.h2 + (b >>> 0)) >>> 0;
  }
  return st;
}

const addStats = (a: Stats, b: Stats): Stats => ({ n: a.n + b.n, sx: a.sx + b.sx, sy: a.sy + b.sy, area: a.area + b.area, province: a.province != null && a.province === b.province ? a.province : null, h1: (a.h1 + b.h1) >>> 0, h2: (a.h2 + b.h2) >>> 0 });

/** A group's key: the same for the same members whatever the order they were joined in. */
const groupKey = (st: Stats): string => `${st.n}-${st.h1.toString(36)}-${st.h2.toString(36)}`;

/**
 * The marks that project (those off the projection are left out), each with its radius and point; the
 * cache's item for a mark when it has one (an item depends only on the mark, its radius and the projection).
 */
function projectItems(marks: readonly Sized[], project: Project, cache?: PartCache): Item[] {
  const items: Item[] = [];
  for (const s of marks) {
    let it = cache?.items.get(s);
    if (it === undefined) {
      const p = project(s.mark.anchor);
      it = p ? { m: s.mark, p, r: s.r } : null;
      cache?.items.set(s, it);
    }
    if (it) items.push(it);
  }
  return items;
}

/**
 * A group ring's largest radius (px). Its area follows the count up to about 130 members; a larger crowd
 * (a user's table of 100,000 rows) gets this ring and its count, so that rings of thousands do not cover
 * the country and one another.
 */
export const RING_MAX_RADIUS = 36;

/** A group ring; its members are listed only when the maps ask (a crowd merges many times on its way). */
function asGroup(bag: Bag, st: Stats, x: number, y: number, room: number): Comp {
  const ring = { x, y, r: Math.max(9, Math.min(room, RING_MAX_RADIUS, 7 + 2.5 * Math.sqrt(st.n))), provinceOnly: st.province != null };
  return { bag, st, circles: [ring], placed: [], ring };
}

/**
 * A component's drawing: one mark in place; several packed round their mean point; a group if they have no
 * room. `items` lays a list of marks; `join` two components laid before, as one.
 */
function laying(o: SpreadOptions, gap: number): { items(members: Item[]): Comp; join(a: Comp, b: Comp): Comp } {
  const maxSpread = o.maxSpread ?? 80;
  /** Did the reader open this pack? */
  const opened = (st: Stats) => !!o.expanded?.size && o.expanded.has(groupKey(st));
  const lay = (bag: Bag, st: Stats): Comp => {
    if (st.n === 1) {
      const c = flat(bag)[0]!;
      return { bag, st, circles: [{ x: c.p[0], y: c.p[1], r: c.r }], placed: [{ mark: c.m, dx: 0, dy: 0, r: c.r }], ring: null };
    }
    const cx = st.sx / st.n;
    const cy = st.sy / st.n;
    const room = st.province ? (o.roomOf?.(st.province) ?? maxSpread) : maxSpread;
    const open = opened(st);
    // A pack spreads at least as far as one disc of the circles' total area: when that is already more
    // than the room, it is a group without packing it (packing 50,000 circles takes seconds).
    if (Math.sqrt(st.area) > room && !open) return asGroup(bag, st, cx, cy, room);
    const comp = [...flat(bag)].sort((a, b) => b.r - a.r || byId(a.m.cluster.id, b.m.cluster.id));
    const packed = packSiblings(comp.map((c) => ({ r: c.r + gap, x: 0, y: 0 })));
    const spread = packed.reduce((m, c) => Math.max(m, Math.hypot(c.x, c.y) + c.r), 0);
    if (spread > room && !open) return asGroup(comp, st, cx, cy, room);
    const placed = comp.map((c, i) => ({ mark: c.m, dx: cx + packed[i]!.x - c.p[0], dy: cy + packed[i]!.y - c.p[1], r: c.r }));
    return { bag: comp, st, circles: comp.map((c, i) => ({ x: cx + packed[i]!.x, y: cy + packed[i]!.y, r: c.r })), placed, ring: null };
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
  return (a, b) =>
    !apart(a, b) &&
    a.circles.some((x) =>
      b.circles.some((y) => {
        const reach = Math.max(x.r, y.r) + gap;
        return (x.x - y.x) ** 2 + (x.y - y.y) ** 2 < reach * reach;
      }),
    );
}

/**
 * The marks whose points hide one another, joined (union–find), in first-seen order. Marks at one point
 * hide one another: they are joined first, and the pairs are then tested between distinct points only
 * (100,000 marks stand on a few thousand county seats and province centres). A point P joins a point Q when
 * P's largest mark reaches Q's centre and Q has a mark no larger: the test of every pair of their marks
 * gives the same answer.
 *
 * A point is one projected position object: a projection that hands the same array for the same place
 * (the WebGL map's, cached per zoom) lets the marks at a county seat share one point; two arrays at the same
 * place are two points, which the distance test joins (0 is within every reach), so the components are the
 * same either way.
 */
function firstComponents(items: readonly Item[], gap: number): Item[][] {
  const points = pointsOf(items);
  const parent = new Int32Array(points.n).map((_, i) => i);
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
    const root = find(points.of[i]!);
    const list = first.get(root);
    if (list) list.push(it);
    else first.set(root, [it]);
  });
  return [...first.values()];
}

/** Distinct points, by column: position, their largest and smallest mark; `of` is each item's point. */
type JoinPoints = { n: number; x: Float64Array; y: Float64Array; maxR: Float64Array; minR: Float64Array; of: Int32Array };

function pointsOf(items: readonly Item[]): JoinPoints {
  const index = new Map<[number, number], number>();
  const of = new Int32Array(items.length);
  const x = new Float64Array(items.length), y = new Float64Array(items.length), maxR = new Float64Array(items.length), minR = new Float64Array(items.length);
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const k = index.get(it.p);
    if (k === undefined) {
      index.set(it.p, n);
      [x[n], y[n], maxR[n], minR[n]] = [it.p[0], it.p[1], it.r, it.r];
      of[i] = n++;
    } else {
      of[i] = k;
      if (it.r > maxR[k]!) maxR[k] = it.r;
      if (it.r < minR[k]!) minR[k] = it.r;
    }
  }
  return { n, x, y, maxR, minR, of };
}

/**
 * Joins points whose marks hide one another (union–find over `parent`). A grid instead of a test of every
 * pair (10,000 points: 50 million pairs): each point looks only as far as its largest mark's reach
 * (r + gap), in the cells that far. The cells are half a typical point's reach (the median): in a dense
 * crowd a point then tests few more points than it can reach.
 */
function joinNearPoints(pts: JoinPoints, find: (i: number) => number, parent: Int32Array, gap: number): void {
  const { n, x, y, maxR, minR } = pts;
  const radii = maxR.slice(0, n).sort();
  const reach = Math.max(1, ((radii[n >> 1] ?? 0) + gap) / 2);
  const grid = pointGrid(pts, reach);
  // A cell whose points all joined one component is remembered (a point of it; -1: none): a later point
  // already in that component skips it (a dense crowd, 80,000 points at the national view, would otherwise
  // test every near pair).
  const joined = grid.perCell;
  for (let i = 0; i < n; i++) {
    const cx = Math.floor(x[i]! / reach), cy = Math.floor(y[i]! / reach);
    const far = maxR[i]! + gap;
    const rings = Math.ceil(far / reach);
    for (let dx = -rings; dx <= rings; dx++)
      for (let dy = -rings; dy <= rings; dy++) {
        const c = grid.cellAt(cx + dx, cy + dy);
        if (c < 0 || grid.start[c] === grid.start[c + 1]) continue;
        const done = joined[c]!;
        if (done >= 0 && find(done) === find(i)) continue;
        let all = true;
        for (let at = grid.start[c]!, end = grid.start[c + 1]!; at < end; at++) {
          const j = grid.members[at]!;
          if (j === i) continue;
          const ex = x[i]! - x[j]!, ey = y[i]! - y[j]!;
          if (minR[j]! <= maxR[i]! && ex * ex + ey * ey < far * far) parent[find(i)] = find(j);
          else if (find(j) !== find(i)) all = false;
        }
        if (all) joined[c] = i;
      }
  }
}

/**
 * The points by grid cell, as columns: cell c holds members[start[c] .. start[c+1]) in ascending order;
 * cellAt gives a cell's number, -1 where no point is. Numbered by position in the points' bounding box
 * where that box has few enough cells (an array look-up, several times faster than a Map at 600,000
 * look-ups per layout), else through a Map of the occupied cells (a box of millions of cells when zoomed in).
 * The per-cell arrays are shared scratch: a grid is good until the next one is made.
 */
export interface PointGrid {
  cells: number;
  start: Int32Array;
  members: Int32Array;
  cellAt: (cx: number, cy: number) => number;
  /** A scratch array of `cells` entries for the caller, set to -1. */
  perCell: Int32Array;
}

/**
 * The per-cell arrays are kept between layouts and grown when needed: a box's cells run to hundreds of
 * thousands, and allocating megabytes per layout (on every filter) made the garbage collector run.
 */
const scratch = { start: new Int32Array(0), next: new Int32Array(0), perCell: new Int32Array(0) };
function scratchArray(name: keyof typeof scratch, size: number): Int32Array {
  if (scratch[name].length < size) scratch[name] = new Int32Array(Math.max(size, 2 * scratch[name].length));
  return scratch[name].subarray(0, size);
}

export function pointGrid(pts: Pick<JoinPoints, 'n' | 'x' | 'y'>, reach: number): PointGrid {
  const { n, x, y } = pts;
  const cx = new Int32Array(n), cy = new Int32Array(n);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    cx[i] = Math.floor(x[i]! / reach);
    cy[i] = Math.floor(y[i]! / reach);
    x0 = Math.min(x0, cx[i]!); x1 = Math.max(x1, cx[i]!);
    y0 = Math.min(y0, cy[i]!); y1 = Math.max(y1, cy[i]!);
  }
  const cols = x1 - x0 + 1, rows = y1 - y0 + 1;
  const cellOf = new Int32Array(n);
  let cells: number;
  let cellAt: (cx: number, cy: number) => number;
  if (n > 0 && cols * rows <= Math.max(1 << 20, 8 * n)) {
    // Every cell of the box is numbered; an empty one simply holds no point.
    cells = cols * rows;
    for (let i = 0; i < n; i++) cellOf[i] = (cx[i]! - x0) * rows + (cy[i]! - y0);
    cellAt = (a, b) => (a < x0 || a > x1 || b < y0 || b > y1 ? -1 : (a - x0) * rows + (b - y0));
  } else {
    const ids = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = gridKey(cx[i]!, cy[i]!);
      let c = ids.get(k);
      if (c === undefined) ids.set(k, (c = ids.size));
      cellOf[i] = c;
    }
    cells = ids.size;
    cellAt = (a, b) => ids.get(gridKey(a, b)) ?? -1;
  }
  // A counting sort by cell keeps each cell's points in ascending order.
  const start = scratchArray('start', cells + 1).fill(0);
  for (let i = 0; i < n; i++) start[cellOf[i]! + 1]!++;
  for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
  const next = scratchArray('next', cells);
  next.set(start.subarray(0, cells));
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[next[cellOf[i]!]!++] = i;
  return { cells, start, members, cellAt, perCell: scratchArray('perCell', cells).fill(-1) };
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
export function spreadForMap(marks: readonly Sized[], project: Project, o: SpreadOptions = {}): Spread {
  const sized = marks.filter((s) => s.mark.value != null);
  if (!sized.length || sized.length === marks.length) return spreadMarks(marks, project, o);
  const under = spreadMarks(marks.filter((s) => s.mark.value == null), project, o);
  const over = spreadMarks(sized, project, o);
  return { placed: [...under.placed, ...over.placed], groups: [...under.groups, ...over.groups] };
}

/**
 * The groups whose count can be read: those whose centre no ring drawn after them (above them) covers. The
 * grey marks' groups are drawn under those of the marks with a figure, often at about the same place; two
 * counts there would be printed over each other.
 */
export function readableGroups<G extends { x: number; y: number; r: number }>(groups: readonly G[]): G[] {
  return groups.filter((g, i) => !groups.some((above, j) => j > i && (g.x - above.x) ** 2 + (g.y - above.y) ** 2 < above.r ** 2));
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
