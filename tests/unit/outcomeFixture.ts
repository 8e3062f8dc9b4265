/**
 * A small Atlas for the planned-vs-reached chart, made in code on top of the chart fixture: one pair per
 * verdict (comparable point, comparable threshold, comparable ceiling, and each reason it is not), outcomes
 * without a target (a dated series, mixed metrics, a region's figure from a low-grade source).
 */
import { toFiles } from './fixtures.ts';
import { chartRows } from './chartFixture.ts';
import { buildAtlas } from '../../src/data/validate.ts';
import type { Atlas } from '../../src/data/schema.ts';

type Row = Record<string, string>;
const section = { section_zh: '\u4e00', section_en: 'Part 1' };
const UNIT: Record<string, string> = { share: '%' };

function source(id: string, grade: string, date: string): Row {
  return { id, level: 'press', grade, issuer_zh: `\u6765\u6e90${id}`, issuer_en: `Source ${id}`, title_zh: '\u62a5\u9053', title_en: 'Report', doc_number: '', doc_number_status: 'none', date, date_status: 'stated', province_adcode: '', seed_file: '', url: '', ...(grade === 'reprint' ? { read_at: 'archive/reprint.html', read_at_name_zh: '\u8f6c\u8f7d\u7ad9', read_at_name_en: 'A reprint site' } : {}), notes_zh: '', notes_en: '' };
}

/** A target of doc-a (target-1) or an outcome reported later by another source. */
function fig(id: string, stage: 'target-1' | 'outcome', subject: [string, string], metric: string, comparator: string, value: string, year: string, extra: Partial<Row> = {}): Row {
  return {
    id,
    subject_type: subject[0],
    subject_id: subject[1],
    scope: 'total',
    metric,
    comparator,
    value,
    value_max: '',
    value_status: value === '' ? 'illegible' : 'stated',
    unit: UNIT[metric] ?? '\u4ebf\u5143',
    kind: stage === 'outcome' ? 'actual' : 'target',
    stage,
    year,
    year_status: year === '' ? 'none' : 'stated',
    year_source_id: '',
    batch: 'doc-a',
    source_id: stage === 'outcome' ? 'press-c' : 'doc-a',
    ...section,
    note_zh: '',
    note_en: '',
    ...extra,
  };
}

const pair = (id: string, scope_match: boolean, note: [string, string] = ['', '']): Row => ({ id, target_id: `${id}-t`, outcome_id: `${id}-o`, scope_match: String(scope_match), note_zh: note[0], note_en: note[1] });

export function outcomeRows() {
  const rows = chartRows();
  rows['sources.csv'].push(source('press-c', 'press', '2017-03-01'), source('reprint-d', 'reprint', '2017-05-01'), source('low-e', 'low', '2018-01-01'));
  const c = (id: string): [string, string] => ['cluster', id];
  rows['figures.csv'].push(
    // Comparable: a point target reached at 64%.
    fig('cmp-t', 'target-1', c('e-point'), 'output', '=', '500', '2015'),
    fig('cmp-o', 'outcome', c('e-point'), 'output', '=', '320', '2015'),
    // Comparable: a threshold, the ratio is against its bound.
    fig('thr-t', 'target-1', c('n-point'), 'output', '>=', '1000', '2015'),
    fig('thr-o', 'outcome', c('n-point'), 'output', '=', '1200', '2015', { source_id: 'reprint-d' }),
    // Comparable, but a ceiling: bars, no ratio.
    fig('cap-t', 'target-1', c('w-va'), 'value-added', '<=', '200', '2015'),
    fig('cap-o', 'outcome', c('w-va'), 'value-added', '=', '150', '2015'),
    // Not comparable: scope (20 clusters against 21), the year confirmed by another source.
    fig('scope-t', 'target-1', ['province', '610000'], 'value-added', '~', '3900', '2010', { year_status: 'confirmed', year_source_id: 'press-b' }),
    fig('scope-o', 'outcome', ['province', '610000'], 'value-added', '=', '2500', '2010'),
    // Not comparable: metric (and the unit with it).
    fig('metric-t', 'target-1', c('e-threshold'), 'share', '>', '30', '2015'),
    fig('metric-o', 'outcome', c('e-threshold'), 'output', '=', '900', '2015'),
    // Not comparable: the target's amount is illegible.
    fig('illegible-t', 'target-1', c('m-illegible'), 'output', '=', '', '2015'),
    fig('illegible-o', 'outcome', c('m-illegible'), 'output', '=', '800', '2015'),
    // Not comparable: the target's year is not known.
    fig('unknown-t', 'target-1', c('w-approx'), 'output', '~', '700', '', { year_status: 'illegible' }),
    fig('unknown-o', 'outcome', c('w-approx'), 'output', '=', '650', '2015'),
    // Not comparable: different years; the outcome from a low-grade source.
    fig('differs-t', 'target-1', ['group', 'ne-3'], 'output', '=', '2300', '2015'),
    fig('differs-o', 'outcome', ['group', 'ne-3'], 'output', '=', '2600', '2016', { source_id: 'low-e' }),
    // Outcomes with no target: a series out of order, mixed metrics, a region's figure from a low-grade source.
    fig('series-2016', 'outcome', c('e-none'), 'output', '=', '210', '2016'),
    fig('series-2012', 'outcome', c('e-none'), 'output', '=', '100', '2012'),
    fig('series-2014', 'outcome', c('e-none'), 'output', '>', '150', '2014', { source_id: 'reprint-d' }),
    fig('mixed-out', 'outcome', c('n-multi'), 'output', '=', '90', '2014'),
    fig('mixed-va', 'outcome', c('n-multi'), 'value-added', '=', '30', ''),
    fig('region-west', 'outcome', ['region', 'west'], 'output', '=', '5000', '2016', { source_id: 'low-e' }),
  );
  rows['comparisons.csv'].push(
    pair('cmp', true),
    pair('thr', true),
    pair('cap', true),
    pair('scope', false, ['\u76ee\u680720\u4e2a\u96c6\u7fa4\uff0c\u62a5\u905321\u4e2a\u3002', 'The target covers 20 clusters, the report 21.']),
    pair('metric', true),
    pair('illegible', true),
    pair('unknown', true),
    pair('differs', true),
  );
  return rows;
}

export function outcomeAtlas(): Atlas {
  const { atlas, errors } = buildAtlas(toFiles(outcomeRows()));
  if (!atlas) throw new Error(errors.map((e) => `${e.file}:${e.line} ${e.field}: ${e.message}`).join('\n'));
  return atlas;
}
