/**
 * Files made in the browser: the import template (zh / en) and the user layer as a data package — the
 * CSV set the atlas itself uses (data/README.md), zipped, UTF-8 with BOM so spreadsheets read the Chinese.
 */
import { toCsv } from '../data/csv.ts';
import { batchRow, clusterRow, figureRow, programmeRow, siteRow, sourceRow } from '../data/schema.ts';
import type { UserLayerPayload } from '../data/userLayer.ts';
import type { Lang } from '../i18n/index.ts';
import { zip } from '../export/zip.ts';
import lexicon from './lexicon.json';

const BOM = '\uFEFF';

/** The template's header and two example rows, and its file name, per language (lexicon.json). */
export const TEMPLATE: Record<Lang, { file: string; rows: string[][] }> = lexicon.template;

export function templateCsv(lang: Lang): string {
  const [header, ...rows] = TEMPLATE[lang].rows;
  return BOM + toCsv(header!, rows);
}

type Shape = { shape: Record<string, unknown> };
const columns = (schema: unknown) => Object.keys((schema as Shape).shape);
const table = (schema: unknown, rows: readonly object[]) => {
  const cols = columns(schema);
  return BOM + toCsv(cols, rows.map((r) => cols.map((c) => (r as Record<string, string | number | boolean | null>)[c] as string | number | null)));
};

/** The user layer as the atlas's CSV files, zipped (clusters, sites, figures and their source, programme, batch). */
export function dataPackage(p: UserLayerPayload): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const files: [string, string][] = [
    ['clusters.csv', table(clusterRow, p.clusters)],
    ['sites.csv', table(siteRow, p.sites)],
    ['figures.csv', table(figureRow, p.figures)],
    ['sources.csv', table(sourceRow, [p.source])],
    ['programmes.csv', table(programmeRow, [p.programme])],
    ['batches.csv', table(batchRow, [p.batch])],
  ];
  return zip(files.map(([name, text]) => ({ name, data: enc.encode(text) })));
}
