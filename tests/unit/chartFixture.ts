/**
 * A small Atlas for the chart tests, made in code: the valid fixture plus one province per region, a
 * group with a stated total that differs from the sum of its members (as Dalian's 8800 vs 8540), and
 * figures of every kind the charts must keep apart: point, threshold, range, approximate, illegible,
 * actual vs target, output vs value-added, several values for one cluster.
 */
import { readFileSync } from 'node:fs';
import { validRows, toFiles } from './fixtures.ts';
import { buildAtlas } from '../../src/data/validate.ts';
import { TABLES, type Atlas } from '../../src/data/schema.ts';

const section = { section_zh: '\u4e00', section_en: 'Part 1' };

type Row = Record<string, string>;

function cluster(id: string, province: string, sector: string, extra: Partial<Row> = {}): Row {
  return { id, name_zh: `\u96c6\u7fa4${id}`, name_en: `Cluster ${id}`, sector, industry_zh: '', industry_en: '', parent_id: '', status: 'named', dev_stage: '', province_adcode: province, prefecture_adcode: '', batch: 'doc-a', source_id: 'doc-a', ...section, notes_zh: '', notes_en: '', ...extra };
}

const SEAT: Record<string, [string, string]> = { '130000': ['115.5', '38.0'], '410000': ['113.6', '34.0'], '610000': ['108.9', '34.3'], '210000': ['122.6', '41.3'], '220000': ['125.3', '43.8'] };
function site(clusterId: string, province: string): Row {
  const [lon, lat] = SEAT[province]!;
  return { id: `${clusterId}-s1`, cluster_id: clusterId, place_zh: '\u67d0\u5730', place_en: 'Somewhere', adcode: province, precision: 'province', lon, lat, coord_source: 'test', source_id: 'doc-a', ...section, notes_zh: '', notes_en: '' };
}

let n = 0;
function figure(subjectType: string, subjectId: string, metric: string, comparator: string, value: string, extra: Partial<Row> = {}): Row {
  n++;
  const target = (extra.stage ?? 'target-1') !== 'baseline';
  return {
    id: `cf-${String(n).padStart(2, '0')}`,
    subject_type: subjectType,
    subject_id: subjectId,
    scope: 'total',
    metric,
    comparator,
    value,
    value_max: '',
    value_status: value === '' ? 'illegible' : 'stated',
    unit: metric === 'share' ? '%' : '\u4ebf\u5143',
    kind: target ? 'target' : 'actual',
    stage: 'target-1',
    year: '',
    year_status: 'illegible',
    year_source_id: '',
    batch: 'doc-a',
    source_id: 'doc-a',
    ...section,
    note_zh: '',
    note_en: '',
    ...extra,
  };
}

export function chartRows() {
  n = 0;
  const rows = validRows();
  rows['regions.csv'].push(
    { adcode: '130000', name_zh: '\u6cb3\u5317\u7701', name_en: 'Hebei', region: 'east' },
    { adcode: '410000', name_zh: '\u6cb3\u5357\u7701', name_en: 'Henan', region: 'central' },
    { adcode: '220000', name_zh: '\u5409\u6797\u7701', name_en: 'Jilin', region: 'northeast' },
  );
  rows['sectors.csv'].push(
    { id: 'equipment', name_zh: '\u88c5\u5907\u5236\u9020', name_en: 'Equipment', description_zh: '', description_en: '' },
    { id: 'textiles', name_zh: '\u8f7b\u5de5\u7eba\u7ec7', name_en: 'Textiles', description_zh: '', description_en: '' },
  );
  rows['metrics.csv'].push({ id: 'value-added', name_zh: '\u589e\u52a0\u503c', name_en: 'Value added', unit: '\u4ebf\u5143', description_zh: '', description_en: '', mappable: 'true' });
  const clusters = [
    cluster('e-point', '130000', 'equipment'),
    cluster('e-threshold', '130000', 'equipment'),
    cluster('e-actual', '130000', 'textiles'),
    cluster('e-none', '130000', 'textiles'),
    cluster('m-illegible', '410000', 'equipment'),
    cluster('w-range', '610000', 'energy-chem'),
    cluster('w-approx', '610000', 'textiles'),
    cluster('w-va', '610000', 'equipment'),
    cluster('n-multi', '220000', 'equipment'),
    cluster('n-point', '220000', 'textiles'),
  ];
  rows['clusters.csv'].push(...clusters);
  rows['sites.csv'].push(...clusters.map((c) => site(c.id!, c.province_adcode!)));
  rows['groups.csv'].push({ id: 'ne-3', name_zh: '\u4e09\u4e2a\u96c6\u7fa4', name_en: 'Three clusters', level: 'city', province_adcode: '210000', prefecture_adcode: '', members: 'c-one;n-point;n-multi', batch: 'doc-a', source_id: 'doc-a', ...section, notes_zh: '', notes_en: '' });
  rows['figures.csv'].push(
    figure('cluster', 'e-point', 'output', '=', '500'),
    figure('cluster', 'e-threshold', 'output', '>=', '1000'),
    figure('cluster', 'e-actual', 'output', '=', '300', { stage: 'baseline', year_status: 'none' }),
    figure('cluster', 'm-illegible', 'output', '=', ''),
    figure('cluster', 'w-range', 'output', 'range', '200', { value_max: '400' }),
    figure('cluster', 'w-approx', 'output', '~', '700'),
    figure('cluster', 'w-va', 'value-added', '=', '300'),
    figure('cluster', 'n-multi', 'output', '=', '100'),
    figure('cluster', 'n-multi', 'output', '=', '50'),
    figure('cluster', 'n-point', 'output', '=', '250'),
    // The group's stated totals: 2300 at target-1 against 1800 + 250 = 2050 summed (n-multi left out).
    figure('group', 'ne-3', 'output', '=', '2300'),
    figure('group', 'ne-3', 'output', '=', '1500', { stage: 'baseline', kind: 'actual', year_status: 'none' }),
    figure('group', 'ne-3', 'output', '>', '3000', { stage: 'target-2' }),
    figure('group', 'ne-3', 'output', 'range', '3500', { stage: 'target-3', value_max: '4000', year: '2015', year_status: 'confirmed', year_source_id: 'press-b' }),
    figure('cluster', 'n-point', 'output', '=', '400', { stage: 'target-2', year: '2012', year_status: 'stated' }),
    figure('cluster', 'c-one', 'output', '=', '2400', { stage: 'target-2' }),
  );
  const gdp: Row[] = [];
  const base: Record<string, number> = { '130000': 100, '410000': 50, '610000': 30, '210000': 60, '220000': 20 };
  for (const [adcode, v] of Object.entries(base)) for (const [i, year] of ['1992', '1993', '1994'].entries()) gdp.push({ adcode, year, value: String(v * (1 + i * (adcode === '610000' ? 0.5 : 0.1))) });
  rows['context/province-gdp.csv'] = gdp;
  return rows;
}

export function chartAtlas(): Atlas {
  const { atlas, errors } = buildAtlas(toFiles(chartRows()));
  if (!atlas) throw new Error(errors.map((e) => `${e.file}:${e.line} ${e.field}: ${e.message}`).join('\n'));
  return atlas;
}

/** The committed dataset, built as the site builds it. */
export function realAtlas(): Atlas {
  const files = Object.fromEntries(Object.keys(TABLES).map((name) => [name, readFileSync(`data/${name}`, 'utf8')]));
  const { atlas, errors } = buildAtlas(files);
  if (!atlas) throw new Error(errors.map((e) => `${e.file}:${e.line} ${e.field}: ${e.message}`).join('\n'));
  return atlas;
}
