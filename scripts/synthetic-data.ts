/**
 * Synthetic datasets for the scale bench (scripts/bench-scale.ts): n clusters with sites and figures,
 * valid against src/data/schema.ts, written as a data folder that scripts/build-data.ts builds like data/.
 *
 *   npx tsx scripts/synthetic-data.ts N OUT_DIR
 *
 * Deterministic (a seeded PRNG: the same n gives the same files) and plainly synthetic: ids syn-000123,
 * names 合成集群 000123 / Synthetic cluster 000123, one source that says so. Real are only the frames:
 * regions, sectors, metrics, programmes, the GDP context and the geometry are copied from data/, and
 * every site stands at a county, prefecture or province point of data/gazetteer/places.json (parks
 * jittered around their county's seat). Never write into data/ or public/: the bench writes to bench/tmp/.
 */
import { readFileSync, writeFileSync, mkdirSync, cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv, toCsv } from '../src/data/csv.ts';
import { TABLES } from '../src/data/schema.ts';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'data');
export const SYN_SOURCE = 'syn-bench';
const COPIED = ['regions.csv', 'sectors.csv', 'metrics.csv', 'programmes.csv', 'context/province-gdp.csv', 'geo/provinces.topo.json', 'geo/prefectures.topo.json', 'geo/south-china-sea.json'];

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Unit = { adcode: string; name: string; lon: number; lat: number };
type Row = Record<string, string | number | null>;

const header = (table: keyof typeof TABLES) => Object.keys(TABLES[table].shape);
const csv = (table: keyof typeof TABLES, rows: Row[]) => toCsv(header(table), rows.map((r) => header(table).map((h) => r[h] ?? '')));

/** The gazetteer's places in the four regions: county-level units, prefectures and provinces. */
function places(): { counties: Unit[]; byCode: Map<string, Unit> } {
  const gaz = JSON.parse(readFileSync(join(DATA, 'gazetteer', 'places.json'), 'utf8')) as { units: [string, string, number, number][] };
  const regions = parseCsv(readFileSync(join(DATA, 'regions.csv'), 'utf8'));
  const inRegion = new Set(regions.rows.filter((r) => r.cells[3] !== 'none').map((r) => r.cells[0]!.slice(0, 2)));
  const units = gaz.units.map(([adcode, name, lon, lat]) => ({ adcode, name, lon: lon / 1000, lat: lat / 1000 })).filter((u) => inRegion.has(u.adcode.slice(0, 2)) && u.lon >= 73 && u.lat >= 3); // a few units have no point
  return { counties: units.filter((u) => !u.adcode.endsWith('00')), byCode: new Map(units.map((u) => [u.adcode, u])) };
}

/** A value with a realistic spread: log-normal around `median`, one decimal. */
const logNormal = (rnd: () => number, median: number, sigma: number) => {
  const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return Math.max(0.1, Math.round(median * Math.exp(sigma * z) * 10) / 10);
};
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const pad = (i: number) => String(i).padStart(6, '0');

/** Anchors (first sites, not province-only) ranked by how few other anchors share their one-degree cell. */
function isolated(sites: Row[], k = 10): string[] {
  const anchors = sites.filter((s) => String(s['id']).endsWith('-s1') && s['precision'] !== 'province');
  const cell = (s: Row) => `${Math.floor(Number(s['lon']))},${Math.floor(Number(s['lat']))}`;
  const count = new Map<string, number>();
  for (const s of sites) count.set(cell(s), (count.get(cell(s)) ?? 0) + 1);
  return anchors
    .map((s) => ({ id: String(s['cluster_id']), c: count.get(cell(s))! }))
    .sort((a, b) => a.c - b.c || a.id.localeCompare(b.id))
    .slice(0, k)
    .map((a) => a.id);
}

export interface Synthetic {
  dir: string;
  clusters: number;
  sites: number;
  figures: number;
  /** Clusters whose mark stands alone (the fewest other marks within a degree): where a hover finds one mark. */
  isolated: string[];
}

/** Writes a data folder of n synthetic clusters into dir (emptied first). */
export function writeSynthetic(n: number, dir: string): Synthetic {
  const rnd = prng(0x15_0000 + n);
  rmSync(dir, { recursive: true, force: true });
  for (const f of COPIED) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    cpSync(join(DATA, f), join(dir, f));
  }
  const { counties, byCode } = places();
  const countiesOf = new Map<string, Unit[]>();
  for (const u of counties) countiesOf.set(u.adcode.slice(0, 2), [...(countiesOf.get(u.adcode.slice(0, 2)) ?? []), u]);
  const sectors = parseCsv(readFileSync(join(DATA, 'sectors.csv'), 'utf8')).rows.map((r) => r.cells[0]!);
  const realSources = parseCsv(readFileSync(join(DATA, 'sources.csv'), 'utf8'));
  const gdpSource = realSources.rows.find((r) => r.cells[0] === 'nbs-gdp-kaggle')!;
  const section = { source_id: SYN_SOURCE, section_zh: '合成数据', section_en: 'Synthetic data' };

  writeFileSync(
    join(dir, 'sources.csv'),
    csv('sources.csv', [
      { id: SYN_SOURCE, level: 'dataset', grade: 'official', issuer_zh: '基准测试（合成数据，非真实）', issuer_en: 'Scale bench (synthetic, not real)', title_zh: `合成数据：${n}个虚构集群`, title_en: `Synthetic data: ${n} made-up clusters`, doc_number_status: 'none', date: '2024', date_status: 'stated', notes_zh: '由 scripts/synthetic-data.ts 生成，仅用于性能测试；所有集群、地点和数字均为虚构。', notes_en: 'Generated by scripts/synthetic-data.ts for the scale bench only; every cluster, place and number is made up.' },
      Object.fromEntries(realSources.header.map((h, i) => [h, gdpSource.cells[i] ?? ''])),
    ]),
  );
  const batches: { id: string; programme: string; year: number }[] = [];
  for (const programme of ['amc', 'sme', 'innov']) for (const year of [2021, 2022, 2023]) batches.push({ id: `syn-${programme}-${year}`, programme, year });
  writeFileSync(
    join(dir, 'batches.csv'),
    csv('batches.csv', batches.map((b) => ({ id: b.id, programme: b.programme, name_zh: `合成批次 ${b.programme} ${b.year}`, name_en: `Synthetic batch ${b.programme} ${b.year}`, date: String(b.year), year: b.year, source_id: SYN_SOURCE, completeness_zh: '合成数据', completeness_en: 'Synthetic data' }))),
  );

  const clusters: Row[] = [];
  const sites: Row[] = [];
  const figures: Row[] = [];
  const site = (cid: string, k: number, u: Unit, precision: string, jitter: number) => {
    const lon = Math.round((u.lon + (rnd() - 0.5) * 2 * jitter) * 1e4) / 1e4;
    const lat = Math.round((u.lat + (rnd() - 0.5) * 2 * jitter) * 1e4) / 1e4;
    sites.push({ id: `${cid}-s${k}`, cluster_id: cid, place_zh: `${u.name}（合成）`, place_en: `${u.name} (synthetic)`, adcode: u.adcode, precision, lon, lat, coord_source: `synthetic: gazetteer point of ${u.adcode}${jitter ? ' with random offset' : ''}`, ...section });
  };
  /** One site of a cluster near a county: in a park near its seat, at the seat, at its prefecture's point or only its province. */
  const placeAt = (cid: string, k: number, county: Unit) => {
    const x = rnd();
    const pref = byCode.get(county.adcode.slice(0, 4) + '00');
    const prov = byCode.get(county.adcode.slice(0, 2) + '0000');
    if (x < 0.03 && prov) site(cid, k, prov, 'province', 0);
    else if (x < 0.15 && pref) site(cid, k, pref, 'prefecture', 0);
    else if (x < 0.45) site(cid, k, county, 'county', 0);
    else site(cid, k, county, 'park', 0.06);
  };
  const figure = (cid: string, batch: string, metric: string, unit: string, stage: string, median: number, sigma: number) => {
    const kind = stage === 'baseline' ? 'actual' : 'target';
    const year = kind === 'actual' ? 2019 + Math.floor(rnd() * 5) : 2025 + Math.floor(rnd() * 6);
    const c = rnd();
    const comparator = c < 0.8 ? '=' : c < 0.9 ? '>=' : c < 0.95 ? '~' : 'range';
    const value = logNormal(rnd, median, sigma);
    const dated = rnd() < 0.85;
    figures.push({ id: `${cid}-${metric}-${stage}`, subject_type: 'cluster', subject_id: cid, scope: 'total', metric, comparator, value, value_max: comparator === 'range' ? Math.round(value * 15) / 10 : null, value_status: 'stated', unit, kind, stage, year: dated ? year : null, year_status: dated ? 'stated' : 'none', batch, ...section });
  };
  for (let i = 1; i <= n; i++) {
    const cid = `syn-${pad(i)}`;
    const county = pick(rnd, counties);
    const province = county.adcode.slice(0, 2) + '0000';
    const pref = byCode.get(county.adcode.slice(0, 4) + '00');
    const batch = pick(rnd, batches).id;
    clusters.push({ id: cid, name_zh: `合成集群 ${pad(i)}`, name_en: `Synthetic cluster ${pad(i)}`, sector: pick(rnd, sectors), status: 'national', province_adcode: province, prefecture_adcode: pref ? pref.adcode : null, batch, ...section });
    placeAt(cid, 1, county);
    // A third name more places: mostly in the same province, now and then in another one.
    const more = rnd() < 0.3 ? 1 + Math.floor(rnd() * 2) : 0;
    for (let k = 2; k <= more + 1; k++) {
      placeAt(cid, k, pick(rnd, rnd() < 0.9 ? countiesOf.get(county.adcode.slice(0, 2))! : counties));
    }
    if (rnd() < 0.7) figure(cid, batch, 'output', '亿元', 'baseline', 60, 1.3);
    if (rnd() < 0.6) figure(cid, batch, 'output', '亿元', 'target-1', 120, 1.3);
    if (rnd() < 0.3) figure(cid, batch, 'sales', '亿元', 'baseline', 50, 1.3);
    if (rnd() < 0.2) figure(cid, batch, 'value-added', '亿元', 'target-1', 30, 1.2);
    if (rnd() < 0.2) figure(cid, batch, 'firms', 'firms', 'baseline', 150, 1);
  }
  // Groups: one per hundred clusters, ten members each, with a total.
  const groups: Row[] = [];
  for (let g = 1; g <= Math.floor(n / 100); g++) {
    const members = Array.from({ length: 10 }, (_, k) => clusters[(g - 1) * 100 + k * 10]!);
    const gid = `syn-group-${pad(g)}`;
    const first = members[0]! as Record<string, string | number | null>;
    groups.push({ id: gid, name_zh: `合成集群组 ${pad(g)}`, name_en: `Synthetic group ${pad(g)}`, level: 'province', province_adcode: first['province_adcode'] ?? null, members: members.map((m) => m['id']).join(';'), batch: first['batch'] ?? null, ...section });
    figures.push({ id: `${gid}-output`, subject_type: 'group', subject_id: gid, scope: 'total', metric: 'output', comparator: '=', value: logNormal(rnd, 800, 0.8), value_status: 'stated', unit: '亿元', kind: 'target', stage: 'target-1', year: 2030, year_status: 'stated', batch: first['batch'] ?? null, ...section });
  }
  writeFileSync(join(dir, 'clusters.csv'), csv('clusters.csv', clusters));
  writeFileSync(join(dir, 'sites.csv'), csv('sites.csv', sites));
  writeFileSync(join(dir, 'figures.csv'), csv('figures.csv', figures));
  writeFileSync(join(dir, 'groups.csv'), csv('groups.csv', groups));
  writeFileSync(join(dir, 'comparisons.csv'), csv('comparisons.csv', []));
  return { dir, clusters: clusters.length, sites: sites.length, figures: figures.length, isolated: isolated(sites) };
}

if (process.argv[1]?.endsWith('synthetic-data.ts')) {
  const n = Number(process.argv[2]);
  const out = process.argv[3];
  if (!Number.isInteger(n) || n < 1 || !out) {
    console.error('usage: npx tsx scripts/synthetic-data.ts N OUT_DIR');
    process.exit(2);
  }
  if (resolve(out).startsWith(resolve(DATA)) || resolve(out).startsWith(resolve(ROOT, 'public'))) {
    console.error('refusing to write synthetic data into data/ or public/');
    process.exit(2);
  }
  const s = writeSynthetic(n, out);
  console.log(`synthetic: ${s.clusters} clusters, ${s.sites} sites, ${s.figures} figures → ${out}`);
}
