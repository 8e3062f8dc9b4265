/** A small, valid dataset generated in code, for tests that break one thing at a time. */
import { toCsv } from '../../src/data/csv.ts';
import { TABLES } from '../../src/data/schema.ts';

type Table = keyof typeof TABLES;
export type FixtureRows = Record<Table, Record<string, string>[]>;

export function validRows(): FixtureRows {
  const section = { section_zh: '一、（一）', section_en: 'Part 1 (1)' };
  return {
    'regions.csv': [
      { adcode: '210000', name_zh: '辽宁省', name_en: 'Liaoning', region: 'northeast' },
      { adcode: '610000', name_zh: '陕西省', name_en: 'Shaanxi', region: 'west' },
      { adcode: '710000', name_zh: '台湾省', name_en: 'Taiwan', region: 'none' },
    ],
    'sources.csv': [
      { id: 'doc-a', level: 'municipal', grade: 'official', issuer_zh: '某市人民政府', issuer_en: 'A city government', title_zh: '意见', title_en: 'Opinions', doc_number: 'A〔2010〕1号', doc_number_status: 'stated', date: '2010-11-09', date_status: 'stated', province_adcode: '210000', seed_file: 'x.txt', url: '', notes_zh: '', notes_en: '' },
      { id: 'press-b', level: 'press', grade: 'press', issuer_zh: '某报', issuer_en: 'A newspaper', title_zh: '报道', title_en: 'Report', doc_number: '', doc_number_status: 'none', date: '2010', date_status: 'stated', province_adcode: '', seed_file: '', url: '', notes_zh: '', notes_en: '' },
      { id: 'nbs-gdp-kaggle', level: 'dataset', grade: 'official', issuer_zh: '国家统计局', issuer_en: 'NBS', title_zh: '地区生产总值', title_en: 'GRP', doc_number: '', doc_number_status: 'none', date: '', date_status: 'none', province_adcode: '', seed_file: '', url: '', notes_zh: '', notes_en: '' },
    ],
    'programmes.csv': [
      { id: 'plans', name_zh: '地方规划', name_en: 'Local plans', short_zh: '规划', short_en: 'Plans', level: 'local', issuer_zh: '地方政府', issuer_en: 'Local governments', default_on: 'true', description_zh: '', description_en: '' },
    ],
    'batches.csv': [
      { id: 'doc-a', programme: 'plans', name_zh: '某市规划', name_en: 'A city plan', date: '2010-11-09', year: '2010', source_id: 'doc-a', official_count: '2', cumulative_count: '', completeness_zh: '', completeness_en: '', notes_zh: '', notes_en: '' },
    ],
    'sectors.csv': [{ id: 'energy-chem', name_zh: '能源化工', name_en: 'Energy and chemicals', description_zh: '', description_en: '' }],
    'metrics.csv': [
      { id: 'output', name_zh: '产值', name_en: 'Gross output', unit: '亿元', description_zh: '', description_en: '', mappable: 'true' },
      { id: 'share', name_zh: '占比', name_en: 'Share', unit: '%', description_zh: '', description_en: '', mappable: 'false' },
    ],
    'groups.csv': [{ id: 'city-2', name_zh: '两个集群', name_en: 'Two clusters', level: 'city', province_adcode: '210000', prefecture_adcode: '210200', members: 'c-one;c-two', batch: 'doc-a', source_id: 'doc-a', ...section, notes_zh: '', notes_en: '' }],
    'clusters.csv': [
      { id: 'c-one', name_zh: '石化', name_en: 'Petrochemicals', sector: 'energy-chem', industry_zh: '', industry_en: '', parent_id: '', status: 'municipal-key', dev_stage: '', province_adcode: '210000', prefecture_adcode: '210200', batch: 'doc-a', source_id: 'doc-a', ...section, notes_zh: '', notes_en: '' },
      { id: 'c-two', name_zh: '化工子集群', name_en: 'Chemicals sub-cluster', sector: 'energy-chem', industry_zh: '', industry_en: '', parent_id: 'c-one', status: 'sub-cluster', dev_stage: '', province_adcode: '210000', prefecture_adcode: '', batch: 'doc-a', source_id: 'doc-a', ...section, notes_zh: '', notes_en: '' },
    ],
    'sites.csv': [
      { id: 's-1', cluster_id: 'c-one', place_zh: '长兴岛', place_en: 'Changxing Island', adcode: '210281', precision: 'county', lon: '121.9', lat: '39.6', coord_source: 'county seat', source_id: 'doc-a', ...section, notes_zh: '', notes_en: '' },
      { id: 's-2', cluster_id: 'c-two', place_zh: '辽宁省', place_en: 'Liaoning', adcode: '210000', precision: 'province', lon: '122.6', lat: '41.3', coord_source: 'province interior point', source_id: 'doc-a', ...section, notes_zh: '', notes_en: '' },
    ],
    'figures.csv': [
      { id: 'f-1', subject_type: 'cluster', subject_id: 'c-one', scope: 'total', metric: 'output', comparator: '=', value: '1800', value_max: '', value_status: 'stated', unit: '亿元', kind: 'target', stage: 'target-1', year: '', year_status: 'illegible', year_source_id: '', batch: 'doc-a', source_id: 'doc-a', ...section, note_zh: '', note_en: '' },
      { id: 'f-2', subject_type: 'group', subject_id: 'city-2', scope: 'each', metric: 'output', comparator: 'range', value: '200', value_max: '500', value_status: 'stated', unit: '亿元', kind: 'target', stage: 'target-2', year: '2015', year_status: 'confirmed', year_source_id: 'press-b', batch: 'doc-a', source_id: 'doc-a', ...section, note_zh: '', note_en: '' },
      { id: 'f-3', subject_type: 'province', subject_id: '610000', scope: 'total', metric: 'share', comparator: '>', value: '90', value_max: '', value_status: 'stated', unit: '%', kind: 'actual', stage: 'baseline', year: '', year_status: 'none', year_source_id: '', batch: 'doc-a', source_id: 'doc-a', ...section, note_zh: '', note_en: '' },
    ],
    'comparisons.csv': [],
    'context/province-gdp.csv': [
      { adcode: '210000', year: '1992', value: '1473.0' },
      { adcode: '210000', year: '1993', value: '2010.8' },
    ],
  };
}

export function toFiles(rows: FixtureRows): Record<Table, string> {
  const out = {} as Record<Table, string>;
  for (const [name, list] of Object.entries(rows) as [Table, Record<string, string>[]][]) {
    const header = Object.keys(TABLES[name].shape);
    out[name] = toCsv(header, list.map((r) => header.map((h) => r[h] ?? '')));
  }
  return out;
}
