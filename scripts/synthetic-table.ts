/**
 * A user's table as a large synthetic CSV, for the import's browser tests and the bench: n rows of
 * cluster name, place (province + prefecture + county as people write them, each resolving to one
 * county of data/gazetteer/places.json), output (亿元) and year. Deterministic and plainly synthetic
 * (names 合成集群 000123). Never committed: written to a temporary folder by whoever needs it.
 *
 *   npx tsx scripts/synthetic-table.ts N OUT.csv
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Gazetteer, type GazetteerJson } from '../src/import/gazetteer.ts';
import { prng } from './synthetic-data.ts';

const ROOT = join(import.meta.dirname, '..');

/** Counties whose full name resolves to themselves alone. */
function counties(): string[] {
  const json = JSON.parse(readFileSync(join(ROOT, 'data/gazetteer/places.json'), 'utf8')) as GazetteerJson;
  const gz = new Gazetteer(json);
  const out: string[] = [];
  for (const [adcode] of json.units) {
    if (adcode.endsWith('00')) continue;
    const r = gz.resolve(adcode);
    if (r.kind !== 'found') continue;
    const back = gz.resolve(r.place.fullName);
    if (back.kind === 'found' && back.place.adcode === adcode) out.push(r.place.fullName);
  }
  return out;
}

export function syntheticTableCsv(n: number, seed = 7): string {
  const places = counties();
  const rand = prng(seed);
  const lines = ['集群名称,所在地,产值（亿元）,年份'];
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(6, '0');
    lines.push(`合成集群 ${id},${places[Math.floor(rand() * places.length)]},${(1 + rand() * 999).toFixed(1)},${2018 + Math.floor(rand() * 7)}`);
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, out] = process.argv.slice(2);
  if (!n || !out) throw new Error('usage: tsx scripts/synthetic-table.ts N OUT.csv');
  writeFileSync(resolve(out), syntheticTableCsv(Number(n)));
}
