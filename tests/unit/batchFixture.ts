/** A national list in three batches, for the batches chart: counts stated in different ways. */
import type { Atlas } from '../../src/data/schema.ts';
import { buildAtlas } from '../../src/data/validate.ts';
import { validRows, toFiles } from './fixtures.ts';

export function batchAtlas(): Atlas {
  const rows = validRows();
  rows['regions.csv'].push(
    { adcode: '130000', name_zh: '\u6cb3\u5317\u7701', name_en: 'Hebei', region: 'east' },
    { adcode: '410000', name_zh: '\u6cb3\u5357\u7701', name_en: 'Henan', region: 'central' },
  );
  rows['programmes.csv'].push({ id: 'nat', name_zh: '\u56fd\u5bb6\u540d\u5355', name_en: 'National list', short_zh: '\u56fd\u5bb6', short_en: 'National', level: 'national', issuer_zh: '\u90e8', issuer_en: 'Ministry', default_on: 'true', description_zh: '', description_en: '' });
  const batch = (id: string, year: string, official: string, cumulative: string, note = '') =>
    ({ id, programme: 'nat', name_zh: id, name_en: id, date: `${year}-11-30`, year, source_id: 'press-b', official_count: official, cumulative_count: cumulative, completeness_zh: note, completeness_en: note ? 'Published as an image' : '', notes_zh: '', notes_en: '' });
  rows['batches.csv'].push(batch('nat-2021', '2021', '2', ''), batch('nat-2022', '2022', '', '5', '\u4ee5\u56fe\u7247\u53d1\u5e03'), batch('nat-2024', '2024', '3', ''));
  rows['sources.csv'][1]!.date = '2024';
  rows['metrics.csv'].push({ id: 'designated-total', name_zh: '\u7d2f\u8ba1', name_en: 'Designated to date', unit: 'count', description_zh: '', description_en: '', mappable: 'false' });
  const add = (id: string, province: string, b: string) => {
    rows['clusters.csv'].push({ ...rows['clusters.csv'][0]!, id, province_adcode: province, prefecture_adcode: '', batch: b, parent_id: '', status: 'named' });
    rows['sites.csv'].push({ ...rows['sites.csv'][1]!, id: `${id}-s1`, cluster_id: id, adcode: province });
  };
  add('n-e1', '130000', 'nat-2021');
  add('n-e2', '130000', 'nat-2022');
  add('n-c1', '410000', 'nat-2022');
  add('n-w1', '610000', 'nat-2024');
  for (const [r, v] of [['east', '3'], ['central', '1'], ['west', '0'], ['northeast', '1']] as const)
    rows['figures.csv'].push({ ...rows['figures.csv'][2]!, id: `nat-${r}`, subject_type: 'region', subject_id: r, metric: 'designated-total', unit: 'count', comparator: '=', value: v, batch: 'nat-2022', source_id: 'press-b', year: '', year_status: 'none' });
  const { atlas, errors } = buildAtlas(toFiles(rows));
  if (!atlas) throw new Error(errors.map((e) => `${e.file}:${e.line} ${e.field}: ${e.message}`).join('\n'));
  return atlas;
}
