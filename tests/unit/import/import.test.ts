import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTable, decodeBytes } from '../../../src/import/decode.ts';
import { mapHeaders, normalizeHeader, unitFactor } from '../../../src/import/headers.ts';
import { buildUserLayer, type ImportOptions } from '../../../src/import/build.ts';
import { Gazetteer, type GazetteerJson } from '../../../src/import/gazetteer.ts';
import { parseValue, parseYear, parseStage } from '../../../src/import/values.ts';
import { CsvSyntaxError } from '../../../src/data/csv.ts';
import type { Atlas } from '../../../src/data/schema.ts';
import { readAtlas } from '../../atlasFile.ts';

const ROOT = join(import.meta.dirname, '../../..');
const fixture = (f: string) => new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/import', f)));
const atlas = readAtlas() as Atlas;
const gz = new Gazetteer(JSON.parse(readFileSync(join(ROOT, 'data/gazetteer/places.json'), 'utf8')) as GazetteerJson);
const OPTS: ImportOptions = { fileName: 'f.csv', sourceLine: '衡水市统计局 2024', grade: 'official', mode: 'beside', defaultMetric: 'output', defaultStage: 'baseline', defaultYear: null, defaultSector: 'other', choices: {}, now: '2025-01-02T03:04:05.000Z' };
const run = (file: string, opts: Partial<ImportOptions> = {}) => {
  const table = readTable(fixture(file));
  return { table, result: buildUserLayer(table, mapHeaders(table.header, atlas.metrics), { ...OPTS, fileName: file, ...opts }, atlas, gz) };
};

describe('decoding', () => {
  it('reads a GBK file as Excel saves it on a Chinese Windows', () => {
    const { text, encoding } = decodeBytes(fixture('excel-gbk.csv'));
    expect(encoding).toBe('gb18030');
    expect(text.startsWith('集群名称,所在地,产值（亿元）,年份')).toBe(true);
  });
  it('reads UTF-8 with a BOM, plain UTF-8, and UTF-16 "Unicode text" (tab-separated)', () => {
    expect(decodeBytes(fixture('utf8-bom.csv')).encoding).toBe('utf-8-bom');
    expect(decodeBytes(new TextEncoder().encode('名称,所在地\n')).encoding).toBe('utf-8');
    const t = readTable(fixture('unicode-text.txt'));
    expect(t.encoding).toBe('utf-16le');
    expect(t.delimiter).toBe('\t');
    expect(t.header).toEqual(['集群名称', '所在地', '产值(亿元)', '年份']);
    expect(t.rows[0]!.cells).toEqual(['安平丝网', '安平县', '450', '2023']);
  });
  it('a quote left open is a syntax error naming its line', () => {
    expect(() => readTable(fixture('unclosed.csv'))).toThrow(CsvSyntaxError);
  });
});

describe('header mapping', () => {
  it('maps the minimal Chinese table and English headers without editing', () => {
    const zh = mapHeaders(['集群名称', '所在地', '产值（亿元）', '年份'], atlas.metrics);
    expect(zh.map((c) => c.field)).toEqual(['name', 'place', 'value', 'year']);
    expect(zh[2]).toEqual({ field: 'value', metric: 'output', unit: '亿元' });
    const en = mapHeaders(['Cluster name', 'Province', 'City', 'County', 'Output (100m yuan)', 'Year', 'Stage', 'Sector', 'Note', 'whatever'], atlas.metrics);
    expect(en.map((c) => c.field)).toEqual(['name', 'province', 'prefecture', 'county', 'value', 'year', 'stage', 'sector', 'note', null]);
    expect(mapHeaders(['营业收入（万元）'], atlas.metrics)[0]).toEqual({ field: 'value', metric: 'revenue', unit: '万元' });
  });
  it('normalises full-width brackets and spaces; converts units it knows and refuses others', () => {
    expect(normalizeHeader(' 产值 (亿元) ')).toEqual({ key: '产值', unit: '亿元' });
    expect(unitFactor('万元', '亿元')).toBe(1e-4);
    expect(unitFactor(null, '亿元')).toBe(1);
    expect(unitFactor('美元', '亿元')).toBeNull();
  });
  it('reads values, years and stages as people write them', () => {
    expect(parseValue('1,234.5')).toEqual({ kind: 'number', value: 1234.5, comparator: '=' });
    expect(parseValue('约120亿元')).toEqual({ kind: 'number', value: 120, comparator: '~' });
    expect(parseValue('100以上')).toEqual({ kind: 'number', value: 100, comparator: '>=' });
    expect(parseValue('一百').kind).toBe('bad');
    expect(parseValue('').kind).toBe('empty');
    expect(parseYear('2023年')).toBe(2023);
    expect(parseYear('2023.0')).toBe(2023);
    expect(parseYear('二〇二三')).toBeNaN();
    expect(parseStage('目标')).toBe('target-1');
    expect(parseStage('actual')).toBe('baseline');
    expect(parseStage('也许')).toBeNull();
  });
});

describe('building the user layer', () => {
  it('loads the GBK table: clusters, sites at county seats, figures with source, stage, kind and year', () => {
    const { result } = run('excel-gbk.csv');
    expect(result.errors).toEqual([]);
    expect(result.accepted).toBe(4);
    const anping = result.payload.clusters.find((c) => c.name_zh === '安平丝网产业集群')!;
    expect(anping).toMatchObject({ province_adcode: '130000', prefecture_adcode: '131100', batch: 'user', source_id: 'user', section_zh: 'excel-gbk.csv 第2行' });
    expect(result.payload.sites.find((s) => s.cluster_id === anping.id)).toMatchObject({ adcode: '131125', precision: 'county', place_zh: '河北省衡水市安平县' });
    const qinghe = result.payload.figures.find((f) => f.value === 1200)!;
    expect(qinghe).toMatchObject({ metric: 'output', unit: '亿元', kind: 'actual', stage: 'baseline', year: 2023, year_status: 'stated', source_id: 'user' });
    expect(result.payload.source).toMatchObject({ id: 'user', grade: 'official', issuer_zh: '衡水市统计局 2024' });
  });

  it('loads the UTF-8 BOM table with province/city/county columns, stages in words and sectors by name or id', () => {
    const { result } = run('utf8-bom.csv');
    expect(result.errors).toEqual([]);
    const byName = new Map(result.payload.clusters.map((c) => [c.name_zh, c]));
    expect(byName.get('Dongguan electronics')).toMatchObject({ sector: 'electronics', prefecture_adcode: '441900' });
    expect(byName.get('Cixi appliances')).toMatchObject({ sector: 'equipment' });
    const cixi = result.payload.figures.find((f) => f.subject_id === byName.get('Cixi appliances')!.id)!;
    expect(cixi).toMatchObject({ kind: 'target', stage: 'target-1', note_zh: 'plan for 2026' });
  });

  it('names every broken row by row and column with its reason, and still loads the valid rows', () => {
    const { result } = run('broken.csv');
    const got = result.errors.map((e) => `${e.row}:${e.column}:${e.reason}`);
    expect(got).toEqual(['3:名称:name-missing', '4:地区:place-missing', '5:地区:place-none', '6:营业收入（万元）:value-bad', '7:年度:year-bad']);
    expect(result.accepted).toBe(2);
    const good = result.payload.figures.find((f) => f.subject_id === 'u-2')!;
    expect(good).toMatchObject({ metric: 'revenue', value: 450, year: 2023 }); // 4,500,000 万元 = 450 亿元
    expect(result.sectorGuessed).toBe(1); // 汽车 is no sector of the atlas: kept as the industry
    expect(result.payload.clusters.find((c) => c.name_zh === '汽车集群')).toMatchObject({ sector: 'other', industry_zh: '汽车' });
  });

  it('lists ambiguous places with their candidates; a pick resolves them', () => {
    const first = run('ambiguous.csv').result;
    expect(first.ambiguous.map((a) => [a.text, a.candidates.length >= 2, a.rows])).toEqual([
      ['朝阳区', true, [2]],
      ['通州区', true, [3]],
      ['吉林', true, [5]],
    ]);
    expect(first.accepted).toBe(1); // 长春市朝阳区 is not ambiguous
    const second = run('ambiguous.csv', { choices: { 朝阳区: '110105', 通州区: '320612', 吉林: '220200' } }).result;
    expect(second.errors).toEqual([]);
    expect(second.payload.sites.map((s) => s.adcode).sort()).toEqual(['110105', '220104', '220200', '320612']);
  });

  it('keeps hostile text as text, exactly as written', () => {
    const { result } = run('hostile.csv');
    expect(result.errors).toEqual([]);
    const names = result.payload.clusters.map((c) => c.name_zh);
    expect(names).toContain('<img src=x onerror="alert(1)">');
    expect(names).toContain('=HYPERLINK("http://evil.example/","点我")');
    expect(names).toContain('"><svg onload=alert(4)>');
    expect(result.payload.figures.map((f) => f.note_zh)).toContain('<script>alert(2)</script>');
  });

  it('loads 5,000 rows', () => {
    const t0 = performance.now();
    const { result } = run('rows-5000.csv');
    const ms = performance.now() - t0;
    expect(result.errors).toEqual([]);
    expect(result.payload.clusters.length).toBe(5000);
    expect(result.payload.figures.length).toBe(5000);
    expect(ms).toBeLessThan(20000); // generous: the bench measures; this only catches a pathological slowdown
  });

  it('rows with the same name and place are one cluster with a figure per year; a repeated figure is rejected', () => {
    const text = '集群名称,所在地,产值,年份\n安平丝网,安平县,400,2022\n安平丝网,安平县,450,2023\n安平丝网,安平县,460,2023\n';
    const table = readTable(new TextEncoder().encode(text));
    const r = buildUserLayer(table, mapHeaders(table.header, atlas.metrics), OPTS, atlas, gz);
    expect(r.payload.clusters.length).toBe(1);
    expect(r.payload.figures.map((f) => f.year)).toEqual([2022, 2023]);
    expect(r.errors.map((e) => `${e.row}:${e.reason}`)).toEqual(['4:duplicate']);
  });
});

describe('wide tables: one column a year', () => {
  it('a year in a value header gives that column its year, before or after the metric', () => {
    const cols = mapHeaders(['集群名称', '所在地', '产值（亿元） 2022', '2023年产值(亿元)', '2024', '年份'], atlas.metrics);
    expect(cols.map((c) => [c.field, c.metric, c.unit, c.year])).toEqual([
      ['name', null, null, undefined],
      ['place', null, null, undefined],
      ['value', 'output', '亿元', 2022],
      ['value', 'output', '亿元', 2023],
      ['value', null, null, 2024],
      ['year', null, null, undefined],
    ]);
    // A year in a header that is not a value column is left alone.
    expect(mapHeaders(['2023年备注'], atlas.metrics)[0]!.year).toBeUndefined();
  });
  it('each year column becomes a figure of its year; a row year is used for columns without one', () => {
    const text = '集群名称,所在地,产值（亿元）2022,产值（亿元）2023\n安平丝网,安平县,600,660\n';
    const table = readTable(new TextEncoder().encode(text));
    const r = buildUserLayer(table, mapHeaders(table.header, atlas.metrics), OPTS, atlas, gz);
    expect(r.errors).toEqual([]);
    expect(r.payload.figures.map((f) => [f.id, f.year, f.value])).toEqual([
      ['u-2-output-2022', 2022, 600],
      ['u-2-output-2023', 2023, 660],
    ]);
  });
});
