/**
 * derive-geo — maintenance script: derives the committed geography and the GDP context series from
 * the shared source material. The site, its build and its tests never read ../shared; only this
 * script does, and its outputs under data/ are committed.
 *
 * How to rerun (from the repository root):
 *
 *   # 1. lookup-only packages, in a scratch dir (NOT in the project):
 *   mkdir -p /tmp/geolookup && cd /tmp/geolookup && npm init -y \
 *     && npm install @datapool/china.geojson@1.2.0 topojson-server@3.0.1 topojson-simplify@3.0.3
 *   # 2. back in the repository root:
 *   npx tsx scripts/derive-geo.ts          # or: npm run derive:geo
 *
 *   env SHARED_DIR  the shared folder (default: ../shared relative to the repository root)
 *   env LOOKUP_DIR  the scratch dir of step 1 (default: /tmp/geolookup)
 *
 * Reads:  $SHARED_DIR/geo/cn-atlas.topo.json, $SHARED_DIR/data/province-gdp-1992-2020.csv,
 *         @datapool/china.geojson (South China Sea dashes only).
 * Writes: data/geo/provinces.topo.json, data/geo/prefectures.topo.json, data/geo/south-china-sea.json,
 *         data/regions.csv, data/context/province-gdp.csv. Output is deterministic (same input, same bytes).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as topojsonClient from 'topojson-client';
import { geoArea, geoContains, geoBounds } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.SHARED_DIR ?? join(REPO, '../shared'));
const LOOKUP = resolve(process.env.LOOKUP_DIR ?? '/tmp/geolookup');
const OUT = join(REPO, 'data');

// ---------------------------------------------------------------------------------------------
// Parameters (see data/geo/README.md). Visvalingam effective area, in km² (local equirectangular).
// (The env overrides exist for tuning only; the committed files use the defaults.)
const PROVINCE_MIN_AREA_KM2 = Number(process.env.PROVINCE_MIN_AREA_KM2 ?? 2);
const PREFECTURE_MIN_AREA_KM2 = Number(process.env.PREFECTURE_MIN_AREA_KM2 ?? 1);
/** Quantization: grid steps across the bounding box (73.5–135.1°E × 3.8–53.6°N); 5e4 ≈ 120 m, 1e5 ≈ 60 m. */
const PROVINCE_QUANTIZATION = Number(process.env.PROVINCE_QUANTIZATION ?? 50000);
const PREFECTURE_QUANTIZATION = Number(process.env.PREFECTURE_QUANTIZATION ?? 100000);
const COORD_DECIMALS = 5; // GeoJSON coordinates written by this script (~1 m)

// ---------------------------------------------------------------------------------------------
// Curated names and regions.
type Region = 'east' | 'central' | 'west' | 'northeast' | 'none';
const PROVINCES: Record<string, { name_en: string; region: Region }> = {
  '110000': { name_en: 'Beijing', region: 'east' },
  '120000': { name_en: 'Tianjin', region: 'east' },
  '130000': { name_en: 'Hebei', region: 'east' },
  '140000': { name_en: 'Shanxi', region: 'central' },
  '150000': { name_en: 'Inner Mongolia', region: 'west' },
  '210000': { name_en: 'Liaoning', region: 'northeast' },
  '220000': { name_en: 'Jilin', region: 'northeast' },
  '230000': { name_en: 'Heilongjiang', region: 'northeast' },
  '310000': { name_en: 'Shanghai', region: 'east' },
  '320000': { name_en: 'Jiangsu', region: 'east' },
  '330000': { name_en: 'Zhejiang', region: 'east' },
  '340000': { name_en: 'Anhui', region: 'central' },
  '350000': { name_en: 'Fujian', region: 'east' },
  '360000': { name_en: 'Jiangxi', region: 'central' },
  '370000': { name_en: 'Shandong', region: 'east' },
  '410000': { name_en: 'Henan', region: 'central' },
  '420000': { name_en: 'Hubei', region: 'central' },
  '430000': { name_en: 'Hunan', region: 'central' },
  '440000': { name_en: 'Guangdong', region: 'east' },
  '450000': { name_en: 'Guangxi', region: 'west' },
  '460000': { name_en: 'Hainan', region: 'east' },
  '500000': { name_en: 'Chongqing', region: 'west' },
  '510000': { name_en: 'Sichuan', region: 'west' },
  '520000': { name_en: 'Guizhou', region: 'west' },
  '530000': { name_en: 'Yunnan', region: 'west' },
  '540000': { name_en: 'Xizang', region: 'west' },
  '610000': { name_en: 'Shaanxi', region: 'west' },
  '620000': { name_en: 'Gansu', region: 'west' },
  '630000': { name_en: 'Qinghai', region: 'west' },
  '640000': { name_en: 'Ningxia', region: 'west' },
  '650000': { name_en: 'Xinjiang', region: 'west' },
  '710000': { name_en: 'Taiwan', region: 'none' },
  '810000': { name_en: 'Hong Kong', region: 'none' },
  '820000': { name_en: 'Macao', region: 'none' },
};

// ---------------------------------------------------------------------------------------------
// Small helpers.
const log = (...a: unknown[]): void => console.log('[derive-geo]', ...a);
function fail(msg: string): never {
  throw new Error(`derive-geo: ${msg}`);
}
const round = (v: number, d = COORD_DECIMALS): number => Math.round(v * 10 ** d) / 10 ** d;
function write(rel: string, text: string): void {
  const p = join(OUT, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  log(`wrote data/${rel}: ${text.length} B raw, ${gzipSync(Buffer.from(text), { level: 9 }).length} B gzip`);
}
function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Minimal TopoJSON shapes (the source is a plain GeometryCollection of Polygons/MultiPolygons).
interface TGeom {
  type: 'Polygon' | 'MultiPolygon' | null;
  arcs?: number[][] | number[][][];
  properties?: Record<string, unknown>;
  id?: string | number;
}
interface TObject {
  type: 'GeometryCollection';
  geometries: TGeom[];
}
interface Topo {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  bbox?: number[];
  arcs: number[][][];
  objects: Record<string, TObject>;
}

/** Rings of a geometry as lists of arc indexes (possibly negative = reversed). */
function ringsOf(g: TGeom): number[][] {
  if (g.type === 'Polygon') return g.arcs as number[][];
  if (g.type === 'MultiPolygon') return (g.arcs as number[][][]).flat();
  return [];
}
const arcIndex = (i: number): number => (i < 0 ? ~i : i);

/** The source's arcs as absolute integer grid coordinates (undoing the delta encoding only). */
function decodeArcsInt(topo: Topo): Position[][] {
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      if (!topo.transform) return [p[0]!, p[1]!];
      x += p[0]!;
      y += p[1]!;
      return [x, y];
    });
  });
}

type TopoServer = { topology: (o: Record<string, unknown>) => { arcs: number[][][]; objects: Record<string, TObject> } };

/**
 * A fresh topology for the named source objects alone. The source arcs are cut wherever any of its
 * three objects meet (prefecture junctions), which would pin thousands of needless arc endpoints in
 * a provinces-only file; so the geometries are rebuilt as GeoJSON on the source's integer grid (exact
 * shared coordinates) and re-topologized with topojson-server, then converted to lon/lat.
 */
function rebuildTopology(
  src: Topo,
  intArcs: Position[][],
  objects: Record<string, TObject>,
  server: TopoServer,
): { arcs: Position[][]; objects: Record<string, TObject> } {
  const ringCoords = (ring: number[]): Position[] => {
    const out: Position[] = [];
    ring.forEach((a, k) => {
      const arc = intArcs[arcIndex(a)]!;
      const pts = a < 0 ? [...arc].reverse() : arc;
      (k === 0 ? pts : pts.slice(1)).forEach((p) => out.push([p[0]!, p[1]!]));
    });
    return out;
  };
  const collections: Record<string, FeatureCollection> = {};
  for (const [name, obj] of Object.entries(objects)) {
    collections[name] = {
      type: 'FeatureCollection',
      features: obj.geometries.map((g) => ({
        type: 'Feature',
        properties: { ...(g.properties ?? {}) },
        geometry:
          g.type === 'Polygon'
            ? { type: 'Polygon', coordinates: (g.arcs as number[][]).map(ringCoords) }
            : { type: 'MultiPolygon', coordinates: (g.arcs as number[][][]).map((p) => p.map(ringCoords)) },
      })),
    };
  }
  const topo = server.topology(collections);
  const t = src.transform;
  const arcs = topo.arcs.map((arc) =>
    arc.map((p) => (t ? [p[0]! * t.scale[0] + t.translate[0], p[1]! * t.scale[1] + t.translate[1]] : [p[0]!, p[1]!])),
  );
  return { arcs, objects: topo.objects };
}

/** Triangle area in km², lon scaled by cos(lat) at the triangle's mean latitude. */
function triangleAreaKm2(t: number[][]): number {
  const a = t[0]!;
  const b = t[1]!;
  const c = t[2]!;
  const k = Math.cos((((a[1]! + b[1]! + c[1]!) / 3) * Math.PI) / 180);
  const KM = 111.195; // km per degree on the sphere
  const ax = a[0]! * k * KM, ay = a[1]! * KM;
  const bx = b[0]! * k * KM, by = b[1]! * KM;
  const cx = c[0]! * k * KM, cy = c[1]! * KM;
  return Math.abs((ax - cx) * (by - ay) - (ax - bx) * (cy - ay)) / 2;
}

/**
 * Topology-preserving simplification: Visvalingam weights per arc (topojson-simplify presimplify;
 * shared borders are simplified once, so neighbours never gap or overlap along them), keep points
 * with weight ≥ minArea, but every ring keeps at least 3 distinct points (so no island, however
 * small, disappears or degenerates). Then quantize + delta-encode (topojson-client quantize).
 */
function simplifyTopology(
  arcs: Position[][],
  objects: Record<string, TObject>,
  minAreaKm2: number,
  quantization: number,
  ts: { presimplify: (t: unknown, w: unknown) => { arcs: number[][][] } },
): { topo: Topo; pointsIn: number; pointsOut: number; promoted: number } {
  const pre = ts.presimplify({ type: 'Topology', objects, arcs }, triangleAreaKm2);
  const weighted = pre.arcs; // [x, y, weight]; endpoints have weight Infinity
  const keep = weighted.map((arc) => arc.map((p) => p[2]! >= minAreaKm2));
  // Ring protection: every ring keeps ≥ 3 distinct points and its original orientation (a small
  // island could otherwise vanish, or flip and become "the whole globe" for d3-geo). Missing points
  // are added greedily: the dropped point that most increases the kept ring's signed area.
  let promoted = 0;
  for (const obj of Object.values(objects)) {
    for (const g of obj.geometries) {
      for (const ring of ringsOf(g)) {
        // the ring's points in order, each with its arc/point reference (junction points once)
        const seq: { i: number; j: number; x: number; y: number }[] = [];
        for (const a of ring) {
          const i = arcIndex(a);
          const arc = weighted[i]!;
          const order = a < 0 ? arc.map((_, j) => arc.length - 1 - j) : arc.map((_, j) => j);
          order.slice(0, -1).forEach((j) => seq.push({ i, j, x: arc[j]![0]!, y: arc[j]![1]! }));
        }
        const signed = (pts: { x: number; y: number }[]): number => {
          let s = 0;
          for (let k = 0; k < pts.length; k++) {
            const p = pts[k]!, q = pts[(k + 1) % pts.length]!;
            s += p.x * q.y - q.x * p.y;
          }
          return s / 2;
        };
        const orient = Math.sign(signed(seq));
        const keptSeq = (): typeof seq => seq.filter((p) => keep[p.i]![p.j]);
        for (;;) {
          const k = keptSeq();
          const distinct = new Set(k.map((p) => `${p.x},${p.y}`)).size;
          if (distinct >= 3 && signed(k) * orient > 0) break;
          let best: (typeof seq)[number] | null = null;
          let bestA = -Infinity;
          for (const c of seq) {
            if (keep[c.i]![c.j]) continue;
            keep[c.i]![c.j] = true;
            const a = signed(keptSeq()) * orient;
            keep[c.i]![c.j] = false;
            if (a > bestA) {
              bestA = a;
              best = c;
            }
          }
          if (!best) fail(`ring cannot be kept (arcs ${ring.join(',')})`);
          keep[best.i]![best.j] = true;
          promoted++;
        }
      }
    }
  }
  const simplified = weighted.map((arc, i) => arc.filter((_, j) => keep[i]![j]).map((p) => [p[0]!, p[1]!]));
  const pointsIn = arcs.reduce((s, a) => s + a.length, 0);
  const pointsOut = simplified.reduce((s, a) => s + a.length, 0);
  const quantize = topojsonClient.quantize as unknown as (t: unknown, n: number) => Topo;
  const topo = quantize({ type: 'Topology', objects, arcs: simplified }, quantization);
  return { topo, pointsIn, pointsOut, promoted };
}

/** Check every ring of every geometry still has ≥ 4 coordinates and non-zero area after quantization. */
function checkRings(topo: Topo, objectName: string): void {
  const fc = topojsonClient.feature(topo as never, topo.objects[objectName] as never) as unknown as FeatureCollection;
  let bad = 0;
  for (const f of fc.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const p of polys)
      for (const r of p) {
        const distinct = new Set(r.map((c) => `${c[0]},${c[1]}`)).size;
        if (r.length < 4 || distinct < 3) bad++;
        else if (geoArea({ type: 'Polygon', coordinates: [r] }) > 2 * Math.PI !== (r !== p[0])) bad++; // outer ring clockwise, holes counter-clockwise
      }
  }
  if (bad) fail(`${objectName}: ${bad} degenerate rings after quantization`);
}

// ---------------------------------------------------------------------------------------------
// polylabel (pole of inaccessibility; after Mapbox's polylabel, ISC), in a local equirectangular
// plane so that distances are isotropic at the polygon's latitude.
interface Cell {
  x: number;
  y: number;
  h: number;
  d: number;
  max: number;
}
function pointToPolygonDist(x: number, y: number, rings: number[][][]): number {
  let inside = false;
  let minSq = Infinity;
  for (const ring of rings) {
    for (let i = 0, len = ring.length, j = len - 1; i < len; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1]! > y !== b[1]! > y && x < ((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside;
      let px = b[0]!, py = b[1]!;
      let dx = a[0]! - px, dy = a[1]! - py;
      if (dx !== 0 || dy !== 0) {
        const t = ((x - px) * dx + (y - py) * dy) / (dx * dx + dy * dy);
        if (t > 1) {
          px = a[0]!;
          py = a[1]!;
        } else if (t > 0) {
          px += dx * t;
          py += dy * t;
        }
      }
      dx = x - px;
      dy = y - py;
      minSq = Math.min(minSq, dx * dx + dy * dy);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq);
}
function polylabel(polygon: Position[][], precisionDeg = 0.005): [number, number] {
  const outer = polygon[0]!;
  let minY = Infinity, maxY = -Infinity;
  for (const p of outer) {
    minY = Math.min(minY, p[1]!);
    maxY = Math.max(maxY, p[1]!);
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const rings = polygon.map((r) => r.map((p) => [p[0]! * k, p[1]!]));
  let minX = Infinity, maxX = -Infinity;
  for (const p of rings[0]!) {
    minX = Math.min(minX, p[0]!);
    maxX = Math.max(maxX, p[0]!);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const cellSize = Math.min(width, height);
  const mk = (x: number, y: number, h: number): Cell => {
    const d = pointToPolygonDist(x, y, rings);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const queue: Cell[] = [];
  const push = (c: Cell): void => {
    // keep sorted ascending by max; pop from the end
    let lo = 0, hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (queue[mid]!.max < c.max) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, c);
  };
  if (cellSize === 0) return [minX / k, minY];
  for (let x = minX; x < maxX; x += cellSize)
    for (let y = minY; y < maxY; y += cellSize) push(mk(x + cellSize / 2, y + cellSize / 2, cellSize / 2));
  // centroid of the outer ring as a first guess
  let area = 0, cx = 0, cy = 0;
  const r0 = rings[0]!;
  for (let i = 0, len = r0.length, j = len - 1; i < len; j = i++) {
    const a = r0[i]!, b = r0[j]!;
    const f = a[0]! * b[1]! - b[0]! * a[1]!;
    cx += (a[0]! + b[0]!) * f;
    cy += (a[1]! + b[1]!) * f;
    area += f * 3;
  }
  let best = area === 0 ? mk(r0[0]![0]!, r0[0]![1]!, 0) : mk(cx / area, cy / area, 0);
  const bbox = mk(minX + width / 2, minY + height / 2, 0);
  if (bbox.d > best.d) best = bbox;
  while (queue.length) {
    const cell = queue.pop()!;
    if (cell.d > best.d) best = cell;
    if (cell.max - best.d <= precisionDeg) continue;
    const h = cell.h / 2;
    push(mk(cell.x - h, cell.y - h, h));
    push(mk(cell.x + h, cell.y - h, h));
    push(mk(cell.x - h, cell.y + h, h));
    push(mk(cell.x + h, cell.y + h, h));
  }
  return [best.x / k, best.y];
}

/** Label point of a (Multi)Polygon feature: pole of inaccessibility of its largest polygon. */
function labelPoint(f: Feature<Geometry>): [number, number] {
  const g = f.geometry;
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let largest: Position[][] | null = null;
  let largestArea = -1;
  for (const p of polys) {
    const a = geoArea({ type: 'Polygon', coordinates: p });
    if (a > largestArea) {
      largestArea = a;
      largest = p;
    }
  }
  if (!largest) fail('feature without polygon');
  const raw = polylabel(largest);
  // Round to 4 decimals (~10 m) and make sure the rounded point is still inside the shipped polygon.
  const pt: [number, number] = [round(raw[0], 4), round(raw[1], 4)];
  const poly: Polygon = { type: 'Polygon', coordinates: largest };
  if (!geoContains(poly, pt)) fail(`label ${pt.join(",")} not inside its polygon (${String(f.properties?.["adcode"])}, ${largest.length} rings, ${largest[0]!.length} pts, area ${largestArea})`);
  return pt;
}

// ---------------------------------------------------------------------------------------------
// GCJ-02 → WGS-84 (iterative inverse of the published forward transform).
const GCJ_A = 6378245.0;
const GCJ_EE = 0.00669342162296594323;
function gcjDelta(lon: number, lat: number): [number, number] {
  const x = lon - 105;
  const y = lat - 35;
  const P = Math.PI;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20 * Math.sin(6 * x * P) + 20 * Math.sin(2 * x * P)) * 2) / 3;
  dLat += ((20 * Math.sin(y * P) + 40 * Math.sin((y / 3) * P)) * 2) / 3;
  dLat += ((160 * Math.sin((y / 12) * P) + 320 * Math.sin((y * P) / 30)) * 2) / 3;
  let dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += ((20 * Math.sin(6 * x * P) + 20 * Math.sin(2 * x * P)) * 2) / 3;
  dLon += ((20 * Math.sin(x * P) + 40 * Math.sin((x / 3) * P)) * 2) / 3;
  dLon += ((150 * Math.sin((x / 12) * P) + 300 * Math.sin((x / 30) * P)) * 2) / 3;
  const radLat = (lat / 180) * P;
  let magic = Math.sin(radLat);
  magic = 1 - GCJ_EE * magic * magic;
  const sq = Math.sqrt(magic);
  dLat = (dLat * 180) / (((GCJ_A * (1 - GCJ_EE)) / (magic * sq)) * P);
  dLon = (dLon * 180) / ((GCJ_A / sq) * Math.cos(radLat) * P);
  return [dLon, dLat];
}
function gcjToWgs(lon: number, lat: number): [number, number] {
  let w: [number, number] = [lon, lat];
  for (let i = 0; i < 6; i++) {
    const d = gcjDelta(w[0], w[1]);
    w = [lon - d[0], lat - d[1]];
  }
  return w;
}

/**
 * Measures whether a GeoJSON's land boundaries are GCJ-02, by comparing its vertices with the
 * cn-atlas (WGS-84) province boundaries: median distance to the nearest cn-atlas boundary segment,
 * raw and after GCJ→WGS conversion.
 */
function gcjCheck(dvFeatures: Feature<Geometry>[], provinces: FeatureCollection<Geometry>): { raw: number; converted: number } {
  const segs: [Position, Position][] = [];
  for (const f of provinces.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const p of polys) for (const r of p) for (let i = 1; i < r.length; i++) segs.push([r[i - 1]!, r[i]!]);
  }
  const CELL = 0.05;
  const grid = new Map<string, [Position, Position][]>();
  for (const s of segs) {
    const x0 = Math.floor(Math.min(s[0][0]!, s[1][0]!) / CELL), x1 = Math.floor(Math.max(s[0][0]!, s[1][0]!) / CELL);
    const y0 = Math.floor(Math.min(s[0][1]!, s[1][1]!) / CELL), y1 = Math.floor(Math.max(s[0][1]!, s[1][1]!) / CELL);
    for (let i = x0; i <= x1; i++)
      for (let j = y0; j <= y1; j++) {
        const key = `${i},${j}`;
        const list = grid.get(key) ?? [];
        list.push(s);
        grid.set(key, list);
      }
  }
  const dist = (p: Position): number => {
    const kx = 111320 * Math.cos((p[1]! * Math.PI) / 180), ky = 110540;
    let best = Infinity;
    const ci = Math.floor(p[0]! / CELL), cj = Math.floor(p[1]! / CELL);
    for (let di = -1; di <= 1; di++)
      for (let dj = -1; dj <= 1; dj++)
        for (const s of grid.get(`${ci + di},${cj + dj}`) ?? []) {
          const ax = (s[0][0]! - p[0]!) * kx, ay = (s[0][1]! - p[1]!) * ky;
          const bx = (s[1][0]! - p[0]!) * kx, by = (s[1][1]! - p[1]!) * ky;
          const dx = bx - ax, dy = by - ay;
          const L = dx * dx + dy * dy;
          const t = L ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / L)) : 0;
          best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
        }
    return best;
  };
  const raw: number[] = [];
  const conv: number[] = [];
  for (const f of dvFeatures) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const p of polys)
      for (const r of p)
        for (const c of r) {
          const d0 = dist(c);
          const d1 = dist(gcjToWgs(c[0]!, c[1]!));
          if (d0 < 1500 && d1 < 1500) {
            raw.push(d0);
            conv.push(d1);
          }
        }
  }
  const med = (a: number[]): number => a.sort((x, y) => x - y)[a.length >> 1] ?? NaN;
  return { raw: med(raw), converted: med(conv) };
}

/** Centreline of a buffered dash polygon (round-capped band): average of its two sides, caps trimmed. */
function dashCentreline(ring: Position[]): Position[] {
  const r = ring.slice(0, -1); // open ring
  const n = r.length;
  let bi = 0, bj = 0, best = -1;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const d = Math.hypot(r[a]![0]! - r[b]![0]!, r[a]![1]! - r[b]![1]!);
      if (d > best) {
        best = d;
        bi = a;
        bj = b;
      }
    }
  const sideA: Position[] = [];
  for (let i = bi; i <= bj; i++) sideA.push(r[i]!);
  const sideB: Position[] = [];
  for (let i = bi; ; i = (i - 1 + n) % n) {
    sideB.push(r[i]!);
    if (i === bj) break;
  }
  const resample = (line: Position[], m: number): Position[] => {
    const cum = [0];
    for (let i = 1; i < line.length; i++)
      cum.push(cum[i - 1]! + Math.hypot(line[i]![0]! - line[i - 1]![0]!, line[i]![1]! - line[i - 1]![1]!));
    const total = cum[cum.length - 1]!;
    const out: Position[] = [];
    for (let s = 0; s < m; s++) {
      const target = (total * s) / (m - 1);
      let i = 1;
      while (i < line.length - 1 && cum[i]! < target) i++;
      const seg = cum[i]! - cum[i - 1]!;
      const t = seg ? (target - cum[i - 1]!) / seg : 0;
      out.push([line[i - 1]![0]! + t * (line[i]![0]! - line[i - 1]![0]!), line[i - 1]![1]! + t * (line[i]![1]! - line[i - 1]![1]!)]);
    }
    return out;
  };
  const M = 64;
  const a = resample(sideA, M);
  const b = resample(sideB, M);
  const mid = a.map((p, i) => [(p[0]! + b[i]![0]!) / 2, (p[1]! + b[i]![1]!) / 2]);
  // Trim the round caps: the band's half-width = area / length / 2.
  let area = 0;
  for (let i = 0; i < n; i++) {
    const p = r[i]!, q = r[(i + 1) % n]!;
    area += p[0]! * q[1]! - q[0]! * p[1]!;
  }
  let len = 0;
  for (let i = 1; i < mid.length; i++) len += Math.hypot(mid[i]![0]! - mid[i - 1]![0]!, mid[i]![1]! - mid[i - 1]![1]!);
  const half = Math.abs(area) / 2 / len / 2;
  const trimmed = resample(mid, M).filter((_, i) => {
    const s = (len * i) / (M - 1);
    return s >= half && s <= len - half;
  });
  // Douglas–Peucker to drop the collinear points of straight dashes.
  const dp = (pts: Position[], tol: number): Position[] => {
    if (pts.length < 3) return pts;
    const [p0, p1] = [pts[0]!, pts[pts.length - 1]!];
    let imax = 0, dmax = 0;
    for (let i = 1; i < pts.length - 1; i++) {
      const p = pts[i]!;
      const dx = p1[0]! - p0[0]!, dy = p1[1]! - p0[1]!;
      const d = Math.abs(dy * p[0]! - dx * p[1]! + p1[0]! * p0[1]! - p1[1]! * p0[0]!) / Math.hypot(dx, dy);
      if (d > dmax) {
        dmax = d;
        imax = i;
      }
    }
    if (dmax <= tol) return [p0, p1];
    return [...dp(pts.slice(0, imax + 1), tol).slice(0, -1), ...dp(pts.slice(imax), tol)];
  };
  return dp(trimmed, 0.001);
}

// ---------------------------------------------------------------------------------------------
function main(): void {
  const lookupRequire = createRequire(join(LOOKUP, 'package.json'));
  let datav: FeatureCollection<Geometry, Record<string, unknown>>;
  let topojsonSimplify: { presimplify: (t: unknown, w: unknown) => { arcs: number[][][] } };
  let topojsonServer: TopoServer;
  try {
    datav = lookupRequire('@datapool/china.geojson');
    topojsonSimplify = lookupRequire('topojson-simplify');
    topojsonServer = lookupRequire('topojson-server');
  } catch (e) {
    fail(`lookup packages not found in ${LOOKUP} (see the header of this script): ${(e as Error).message}`);
  }
  const dvVersion = (lookupRequire('@datapool/china.geojson/package.json') as { version: string }).version;
  if (dvVersion !== '1.2.0') fail(`@datapool/china.geojson ${dvVersion}, expected 1.2.0`);

  const src = JSON.parse(readFileSync(join(SHARED, 'geo/cn-atlas.topo.json'), 'utf8')) as Topo;
  const srcIntArcs = decodeArcsInt(src);
  const provObj = src.objects['provinces'];
  const prefObj = src.objects['prefectures'];
  const nationObj = src.objects['nation'];
  if (!provObj || !prefObj || !nationObj) fail('cn-atlas.topo.json lacks provinces/prefectures/nation');
  if (provObj.geometries.length !== 34) fail(`expected 34 provinces, got ${provObj.geometries.length}`);
  if (prefObj.geometries.length !== 372) fail(`expected 372 prefectures, got ${prefObj.geometries.length}`);

  // --- provinces + nation ------------------------------------------------------------------
  const provNames = new Map<string, string>(); // adcode -> 地名
  const sortedProv = [...provObj.geometries].sort((a, b) => String(a.properties!['id']).localeCompare(String(b.properties!['id'])));
  const provSub = rebuildTopology(src, srcIntArcs, {
    provinces: { type: 'GeometryCollection', geometries: sortedProv },
    nation: nationObj,
  }, topojsonServer);
  for (const g of provSub.objects['provinces']!.geometries) {
    const p = g.properties!;
    const adcode = String(p['id']);
    const cur = PROVINCES[adcode];
    if (!cur) fail(`unexpected province ${adcode}`);
    provNames.set(adcode, String(p['地名']));
    g.properties = { adcode, name_zh: String(p['地名']), name_en: cur.name_en, region: cur.region };
  }
  for (const g of provSub.objects['nation']!.geometries) g.properties = { name_zh: '中华人民共和国', name_en: 'China' };
  if (provNames.size !== 34) fail('provinces: duplicate adcodes');

  const prov = simplifyTopology(provSub.arcs, provSub.objects, PROVINCE_MIN_AREA_KM2, PROVINCE_QUANTIZATION, topojsonSimplify);
  checkRings(prov.topo, 'provinces');
  checkRings(prov.topo, 'nation');
  log(`provinces: ${prov.pointsIn} → ${prov.pointsOut} points (min area ${PROVINCE_MIN_AREA_KM2} km², quantization ${PROVINCE_QUANTIZATION}, ${prov.promoted} points kept to save small rings)`);
  const provFc = topojsonClient.feature(prov.topo as never, prov.topo.objects['provinces'] as never) as unknown as FeatureCollection<Geometry>;
  prov.topo.objects['provinces']!.geometries.forEach((g, i) => {
    const f = provFc.features[i]!;
    g.properties!['label'] = labelPoint(f);
  });
  {
    // Sanity: the nation outline covers the provinces (areas agree within 0.5%).
    const nat = topojsonClient.feature(prov.topo as never, prov.topo.objects['nation'] as never) as unknown as FeatureCollection<Geometry>;
    const aN = nat.features.reduce((s, f) => s + geoArea(f), 0);
    const aP = provFc.features.reduce((s, f) => s + geoArea(f), 0);
    log(`nation area / Σ province areas = ${(aN / aP).toFixed(4)}`);
    if (Math.abs(aN / aP - 1) > 0.005) fail('nation and provinces disagree');
    for (const f of provFc.features) if (geoArea(f) > 2 * Math.PI) fail(`province ${String(f.properties?.['adcode'])} has inverted winding`);
  }
  const provTopo = { type: 'Topology', bbox: prov.topo.bbox!.map((v) => round(v, 6)), transform: prov.topo.transform, objects: prov.topo.objects, arcs: prov.topo.arcs };
  write('geo/provinces.topo.json', JSON.stringify(provTopo));

  // --- prefectures ---------------------------------------------------------------------------
  const sortedPref = [...prefObj.geometries].sort((a, b) => String(a.properties!['id']).localeCompare(String(b.properties!['id'])));
  const prefSub = rebuildTopology(src, srcIntArcs, { prefectures: { type: 'GeometryCollection', geometries: sortedPref } }, topojsonServer);
  const seen = new Set<string>();
  for (const g of prefSub.objects['prefectures']!.geometries) {
    const p = g.properties!;
    const adcode = String(p['id']);
    if (seen.has(adcode)) fail(`duplicate prefecture ${adcode}`);
    seen.add(adcode);
    const province_adcode = `${adcode.slice(0, 2)}0000`;
    if (!provNames.has(province_adcode)) fail(`prefecture ${adcode}: no province ${province_adcode}`);
    g.properties = { adcode, name_zh: String(p['地名']), name_en_machine: String(p['name']), province_adcode };
  }
  const pref = simplifyTopology(prefSub.arcs, prefSub.objects, PREFECTURE_MIN_AREA_KM2, PREFECTURE_QUANTIZATION, topojsonSimplify);
  checkRings(pref.topo, 'prefectures');
  log(`prefectures: ${pref.pointsIn} → ${pref.pointsOut} points (min area ${PREFECTURE_MIN_AREA_KM2} km², quantization ${PREFECTURE_QUANTIZATION}, ${pref.promoted} points kept to save small rings)`);
  const prefFc = topojsonClient.feature(pref.topo as never, pref.topo.objects['prefectures'] as never) as unknown as FeatureCollection<Geometry>;
  pref.topo.objects['prefectures']!.geometries.forEach((g, i) => {
    g.properties!['label'] = labelPoint(prefFc.features[i]!);
  });
  const prefTopo = { type: 'Topology', bbox: pref.topo.bbox!.map((v) => round(v, 6)), transform: pref.topo.transform, objects: pref.topo.objects, arcs: pref.topo.arcs };
  write('geo/prefectures.topo.json', JSON.stringify(prefTopo));

  // --- South China Sea -----------------------------------------------------------------------
  const srcProvFc = topojsonClient.feature(src as never, provObj as never) as unknown as FeatureCollection<Geometry>;
  const dvLand = datav.features.filter((f) => f.properties['adcode'] && f.properties['adchar'] !== 'JD');
  const chk = gcjCheck(dvLand, srcProvFc);
  log(`@datapool/china.geojson land vertices vs cn-atlas boundaries, median distance: raw ${chk.raw.toFixed(0)} m, after GCJ-02→WGS-84 ${chk.converted.toFixed(0)} m`);
  const isGcj = chk.converted < chk.raw * 0.7;
  log(isGcj ? 'the package is GCJ-02: converting the dashes to WGS-84' : 'the package looks like WGS-84: dashes kept as they are');
  const jd = datav.features.filter((f) => f.properties['adcode'] === 100000 && f.properties['adchar'] === 'JD');
  if (jd.length !== 1 || jd[0]!.geometry.type !== 'MultiPolygon') fail('expected one JD MultiPolygon in @datapool/china.geojson');
  const dashPolys = jd[0]!.geometry.coordinates;
  const scsFeatures: Feature<Geometry, Record<string, unknown>>[] = [];
  dashPolys.forEach((poly, i) => {
    const ring = poly[0]!.map((c) => (isGcj ? gcjToWgs(c[0]!, c[1]!) : [c[0]!, c[1]!]));
    const line = dashCentreline(ring).map((c) => [round(c[0]!), round(c[1]!)]);
    scsFeatures.push({
      type: 'Feature',
      properties: { kind: 'dash', name_zh: '南海断续线', name_en: 'South China Sea dashed line', seq: i + 1 },
      geometry: { type: 'LineString', coordinates: line },
    });
  });
  // Islands: the centre of the cn-atlas reef ring nearest to the nominal position (within 15 km),
  // so the symbol sits on what the map draws; the nominal position if there is no such ring.
  const hainan = srcProvFc.features.find((f) => String(f.properties?.['id']) === '460000');
  if (!hainan || hainan.geometry.type !== 'MultiPolygon') fail('Hainan not a MultiPolygon');
  const islands: { name_zh: string; name_en: string; nominal: [number, number] }[] = [
    { name_zh: '黄岩岛', name_en: 'Huangyan Island', nominal: [117.75, 15.15] },
    { name_zh: '曾母暗沙', name_en: 'Zengmu Ansha', nominal: [112.28, 3.97] },
  ];
  for (const isl of islands) {
    let best: { d: number; c: [number, number] } | null = null;
    for (const p of hainan.geometry.coordinates) {
      const b = geoBounds({ type: 'Polygon', coordinates: p });
      const c: [number, number] = [(b[0][0] + b[1][0]) / 2, (b[0][1] + b[1][1]) / 2];
      const d = Math.hypot((c[0] - isl.nominal[0]) * 111.2 * Math.cos((c[1] * Math.PI) / 180), (c[1] - isl.nominal[1]) * 111.2);
      if (!best || d < best.d) best = { d, c };
    }
    const fromData = best !== null && best.d <= 15;
    const pt: [number, number] = fromData ? [round(best!.c[0], 4), round(best!.c[1], 4)] : isl.nominal;
    log(`${isl.name_zh}: ${fromData ? `cn-atlas reef ring centre ${pt.join(',')} (${best!.d.toFixed(1)} km from nominal)` : 'nominal position'}`);
    scsFeatures.push({
      type: 'Feature',
      properties: { kind: 'island', name_zh: isl.name_zh, name_en: isl.name_en, approx: !fromData },
      geometry: { type: 'Point', coordinates: pt },
    });
  }
  const groups: { name_zh: string; name_en: string; at: [number, number] }[] = [
    { name_zh: '东沙群岛', name_en: 'Dongsha Islands', at: [116.75, 20.7] },
    { name_zh: '西沙群岛', name_en: 'Xisha Islands', at: [112.0, 16.5] },
    { name_zh: '中沙群岛', name_en: 'Zhongsha Islands', at: [114.33, 15.83] },
    { name_zh: '南沙群岛', name_en: 'Nansha Islands', at: [114.0, 10.0] },
  ];
  for (const g of groups)
    scsFeatures.push({
      type: 'Feature',
      properties: { kind: 'island-group', name_zh: g.name_zh, name_en: g.name_en, approx: true },
      geometry: { type: 'Point', coordinates: g.at },
    });
  const scs = { type: 'FeatureCollection', features: scsFeatures };
  write('geo/south-china-sea.json', `${JSON.stringify(scs)}\n`);

  // --- regions.csv ---------------------------------------------------------------------------
  const regionLines = ['adcode,name_zh,name_en,region'];
  for (const adcode of [...provNames.keys()].sort()) {
    const p = PROVINCES[adcode]!;
    regionLines.push([adcode, provNames.get(adcode)!, p.name_en, p.region].map(csvCell).join(','));
  }
  const counts: Record<string, number> = {};
  for (const p of Object.values(PROVINCES)) counts[p.region] = (counts[p.region] ?? 0) + 1;
  if (counts['east'] !== 10 || counts['central'] !== 6 || counts['west'] !== 12 || counts['northeast'] !== 3 || counts['none'] !== 3)
    fail(`region counts ${JSON.stringify(counts)} differ from NBS 10/6/12/3 (+3 none)`);
  write('regions.csv', `${regionLines.join('\n')}\n`);

  // --- context/province-gdp.csv --------------------------------------------------------------
  const gdpText = readFileSync(join(SHARED, 'data/province-gdp-1992-2020.csv'), 'utf8').replace(/^\uFEFF/, '');
  const gdpRows = gdpText.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.split(','));
  const header = gdpRows[0]!;
  const byName = new Map([...provNames].map(([code, name]) => [name, code]));
  const cols = header.slice(1).map((name) => byName.get(name.trim()) ?? fail(`GDP column "${name}" is not a province name`));
  if (cols.length !== 31 || new Set(cols).size !== 31) fail('GDP: expected 31 distinct provinces');
  const long: { adcode: string; year: number; value: string }[] = [];
  for (const row of gdpRows.slice(1)) {
    if (row.length !== header.length) fail(`GDP row ${row[0]}: ${row.length} cells`);
    const year = Number(row[0]);
    if (!Number.isInteger(year)) fail(`GDP row with year "${row[0]}"`);
    cols.forEach((adcode, i) => {
      const value = row[i + 1]!.trim();
      if (!/^\d+(\.\d+)?$/.test(value)) fail(`GDP ${adcode} ${year}: "${value}" is not a plain number`);
      long.push({ adcode, year, value });
    });
  }
  long.sort((a, b) => a.adcode.localeCompare(b.adcode) || a.year - b.year);
  const years = new Set(long.map((r) => r.year));
  if (years.size !== 29 || Math.min(...years) !== 1992 || Math.max(...years) !== 2020) fail('GDP: expected 1992..2020');
  write('context/province-gdp.csv', `adcode,year,value\n${long.map((r) => `${r.adcode},${r.year},${r.value}`).join('\n')}\n`);
}

main();
