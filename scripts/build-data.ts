/**
 * Data build: validates every curated file in data/ against src/data/schema.ts, joins them and writes
 * public/data/atlas.json plus the geometry the site loads. On any error it lists all of them (file:line
 * field: rule) and exits 1 without writing anything.
 *
 *   npx tsx scripts/build-data.ts [--data DIR] [--out DIR]
 */
import { readFileSync, existsSync, mkdirSync, writeFileSync, renameSync, rmSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TABLES } from '../src/data/schema.ts';
import { parseCsv, toCsv } from '../src/data/csv.ts';
import { zip } from '../src/export/zip.ts';
import { buildAtlas, formatError, type DataError } from '../src/data/validate.ts';
import { packAtlas, PACKED_FIELDS } from '../src/data/packed.ts';
import { validateDeck } from '../src/present/validate.ts';
import { feature } from 'topojson-client';
import { geoArea } from 'd3-geo';
import type { Topology, GeometryCollection } from 'topojson-specification';

const GEO_FILES = ['provinces.topo.json', 'prefectures.topo.json', 'south-china-sea.json'];
/** The curated tables also ship as a download (public/data/cluster-atlas-data.zip), with a BOM so spreadsheets read the Chinese. */
const DATA_PACKAGE = 'cluster-atlas-data.zip';
const CSV_DOWNLOADS = ['figures.csv', 'clusters.csv', 'sites.csv', 'sources.csv', 'programmes.csv', 'batches.csv', 'groups.csv', 'metrics.csv', 'sectors.csv', 'regions.csv'];
/** Columns of the curated tables that readers never see: the file names of the working copies. */
const PRIVATE_COLUMNS: Record<string, string[]> = { 'sources.csv': ['seed_file'] };

/** The usual short form of a provincial unit's name for map labels: 广西壮族自治区 → 广西, 河北省 → 河北. */
export function shortNameZh(name: string): string {
  return name.replace(/(特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/, '');
}

/**
 * Adds to every province of the provinces TopoJSON what its label needs: `short_zh`, the name the map
 * draws, and `label_rank`, its place by area (0: the largest), which decides which name wins where two
 * would collide. Computed here once rather than on every page load (spherical areas of the whole
 * geometry: tens of milliseconds before the first pixels).
 */
export function withLabelProps(topo: { objects: Record<string, { geometries: { properties?: Record<string, unknown> }[] }> }): unknown {
  const provinces = topo.objects['provinces']?.geometries ?? [];
  for (const g of provinces) {
    if (g.properties && typeof g.properties['name_zh'] === 'string') g.properties['short_zh'] = shortNameZh(g.properties['name_zh']);
  }
  const features = feature(topo as unknown as Topology, topo.objects['provinces'] as unknown as GeometryCollection<Record<string, unknown>>).features;
  const order = features.map((f, i) => ({ i, area: geoArea(f), adcode: String(f.properties?.['adcode'] ?? '') })).sort((a, b) => b.area - a.area || a.adcode.localeCompare(b.adcode));
  order.forEach((x, rank) => {
    const props = provinces[x.i]?.properties;
    if (props) props['label_rank'] = rank;
  });
  return topo;
}

/** The usual short form of a prefecture's name: 大连市 → 大连, 凉山彝族自治州 → 凉山, 大兴安岭地区 → 大兴安岭. */
export function shortPlaceZh(name: string): string {
  const s = name
    .replace(/(?:(?:彝|藏|羌|朝鲜|土家|苗|白|哈尼|壮|傣|景颇|傈僳|布依|侗|回|蒙古|哈萨克|柯尔克孜|黎)族)+自治州$/, '')
    .replace(/(地区|自治州|林区|盟|市)$/, '');
  return s || name;
}

/** adcode → short Chinese name of every province and prefecture-level unit: where a cluster is, said in its label. */
export function placeNames(topoText: string, provinces: readonly { adcode: string; name_zh: string }[]): Record<string, string> {
  const topo = JSON.parse(topoText) as { objects: Record<string, { geometries: { properties?: { adcode?: unknown; name_zh?: unknown } }[] }> };
  const out: Record<string, string> = {};
  for (const obj of Object.values(topo.objects))
    for (const g of obj.geometries) if (typeof g.properties?.adcode === 'string' && typeof g.properties.name_zh === 'string') out[g.properties.adcode] = shortPlaceZh(g.properties.name_zh);
  for (const p of provinces) out[p.adcode] = shortNameZh(p.name_zh);
  return out;
}

/** The CSV text without the named columns (re-serialised only when there is something to drop). */
export function withoutColumns(text: string, drop: readonly string[]): string {
  if (!drop.length) return text;
  const t = parseCsv(text);
  const keep = t.header.map((h, i) => (drop.includes(h) ? -1 : i)).filter((i) => i >= 0);
  return toCsv(keep.map((i) => t.header[i]!), t.rows.map((r) => keep.map((i) => r.cells[i] ?? '')));
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export function run(dataDir: string, outDir: string): number {
  const rel = relative(process.cwd(), dataDir) || '.';
  const files: Record<string, string> = {};
  for (const name of Object.keys(TABLES)) {
    const p = join(dataDir, name);
    if (existsSync(p)) files[name] = readFileSync(p, 'utf8');
  }
  const { atlas, errors } = buildAtlas(files, rel);
  const geo: Record<string, string> = {};
  for (const g of GEO_FILES) {
    const p = join(dataDir, 'geo', g);
    if (!existsSync(p)) {
      errors.push({ file: `${rel}/geo/${g}`, line: null, field: null, message: 'file missing' });
      continue;
    }
    try {
      const json = JSON.parse(readFileSync(p, 'utf8'));
      geo[g] = JSON.stringify(g === 'provinces.topo.json' ? withLabelProps(json) : json);
    } catch (e) {
      errors.push({ file: `${rel}/geo/${g}`, line: null, field: null, message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  // Slide decks (data/decks/*.json): schema, then every slide's view against the data.
  const decks: Record<string, string> = {};
  const deckDir = join(dataDir, 'decks');
  for (const f of existsSync(deckDir) ? readdirSync(deckDir).filter((n) => n.endsWith('.json')).sort() : []) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(deckDir, f), 'utf8'));
    } catch (e) {
      errors.push({ file: `${rel}/decks/${f}`, line: null, field: null, message: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    const checked = validateDeck(json, `${rel}/decks/${f}`, atlas);
    errors.push(...checked.errors);
    if (checked.deck) decks[f] = JSON.stringify(checked.deck);
  }
  // The import dialog's gazetteer (data/gazetteer/places.json, from scripts/derive-gazetteer.ts), fetched only when it opens.
  const gazetteer = readGazetteer(join(dataDir, 'gazetteer', 'places.json'), `${rel}/gazetteer/places.json`, errors);
  if (errors.length || !atlas) {
    console.error(`Data build failed with ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was written.`);
    for (const e of errors) console.error('  ' + formatError(e));
    return 1;
  }
  // Write into a fresh temporary folder, then swap it in: never a partial output.
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  // The large tables by column (src/data/packed.ts): a quarter of the bytes, and a quarter of the parse, at 100,000 clusters.
  writeFileSync(join(tmp, 'atlas.json'), JSON.stringify(packAtlas({ ...atlas, places: placeNames(geo['prefectures.topo.json']!, atlas.regions) }, PACKED_FIELDS)));
  for (const [g, text] of Object.entries(geo)) writeFileSync(join(tmp, g), text);
  // One zip, not loose .csv files: stock servers (Debian's nginx, IIS) have no type for .csv.
  writeFileSync(join(tmp, DATA_PACKAGE), zip(CSV_DOWNLOADS.map((f) => ({ name: f, data: '\uFEFF' + withoutColumns(files[f]!, PRIVATE_COLUMNS[f] ?? []) }))));
  mkdirSync(join(tmp, 'decks'));
  for (const [f, text] of Object.entries(decks)) writeFileSync(join(tmp, 'decks', f), text);
  if (gazetteer) writeFileSync(join(tmp, 'gazetteer.json'), gazetteer);
  precompress(tmp);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, '..'), { recursive: true });
  renameSync(tmp, outDir);
  const counts = `${atlas.sources.length} sources, ${atlas.clusters.length} clusters, ${atlas.sites.length} sites, ${atlas.figures.length} figures`;
  console.log(`Data build: ${counts} → ${relative(process.cwd(), outDir)}/ (${readdirSync(outDir).join(', ')})`);
  return 0;
}

/**
 * A gzip copy (level 9) beside every .json of the output, for servers that send a stored copy instead of
 * compressing each request (nginx's gzip_static, the preview server: scripts/vite-plugins.ts). At 100,000
 * clusters, compressing atlas.json (32 MB) on each request held the response back by more than a second.
 */
export function precompress(dir: string): void {
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.json')) continue;
    const path = join(dir, f);
    writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
}

/** The gazetteer, minified, when the file is there and well formed (it is optional for test data folders). */
function readGazetteer(path: string, file: string, errors: DataError[]): string | null {
  if (!existsSync(path)) return null;
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as { units?: unknown[][]; former?: unknown[][] };
    const ok = Array.isArray(json.units) && json.units.every((u) => Array.isArray(u) && u.length === 4 && /^[1-9]\d{5}$/.test(String(u[0]))) && Array.isArray(json.former);
    if (ok) return JSON.stringify(json);
    errors.push({ file, line: null, field: null, message: 'not a gazetteer: units [adcode, name, lon, lat][] and former [] expected' });
  } catch (e) {
    errors.push({ file, line: null, field: null, message: `not valid JSON: ${(e as Error).message}` });
  }
  return null;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('build-data.ts')) {
  process.exit(run(arg('--data', 'data'), arg('--out', 'public/data')));
}
