/** Title, description, notes and table of the cluster ranking. */
import type { Lang } from '../../i18n/index.ts';
import { formatFigureValue } from '../../i18n/format.ts';
import { tx, txn } from '../text.ts';
import { displayValue, sourceLine, withUnit } from '../shared/format.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import type { Atlas } from '../../data/schema.ts';
import { citeCells, citeColumns } from '../shared/cite.ts';
import type { RankingSeries, RankRow } from './derive.ts';

const mname = (s: RankingSeries, lang: Lang) => (lang === 'zh' ? s.metric.name_zh : s.metric.name_en);
export const clusterName = (r: Pick<RankRow, 'name_zh' | 'name_en'>, lang: Lang) => (lang === 'zh' ? r.name_zh : r.name_en);

export function valueText(r: RankRow, lang: Lang): string {
  if (r.status === 'none') return tx(lang, 'chart.ranking.noFigure');
  return formatFigureValue({ value: r.value, value_max: r.valueMax, comparator: r.comparator ?? '=', unit: r.unit }, lang);
}

export function title(_s: RankingSeries, lang: Lang): string {
  return tx(lang, 'chart.ranking.title');
}

export function describe(s: RankingSeries, lang: Lang): string {
  const valued = s.rows.filter((r) => r.status === 'value');
  const top = valued.slice(0, 5).map((r) => `${clusterName(r, lang)} ${valueText(r, lang)}`);
  return tx(lang, 'chart.ranking.desc', {
    n: s.rows.length,
    metric: mname(s, lang),
    stage: tx(lang, `stage.${s.stage}`),
    valued: valued.length,
    thresholds: valued.filter((r) => r.shape === 'threshold-up' || r.shape === 'threshold-down').length,
    none: s.rows.filter((r) => r.status === 'none').length,
    top: top.length ? top.join(tx(lang, 'chart.list.sep')) : tx(lang, 'chart.ranking.noFigure'),
  });
}

export function meta(s: RankingSeries, lang: Lang): ChartMeta {
  const notes = [tx(lang, 'chart.ranking.note.order'), tx(lang, 'chart.ranking.note.threshold')];
  const illegible = s.rows.filter((r) => r.status === 'illegible').length;
  if (illegible) notes.push(txn(lang, 'chart.reason.illegible', illegible));
  return {
    title: title(s, lang),
    subtitle: tx(lang, 'chart.ranking.subtitle', { metric: mname(s, lang), stage: tx(lang, `stage.${s.stage}`) }),
    source: sourceLine(s.sources, lang),
    notes,
  };
}

/** One row per cluster; with the atlas, each value's year, metric, coverage, kind, source and grade beside it. */
export function table(s: RankingSeries, lang: Lang, atlas?: Pick<Atlas, 'metrics' | 'sources' | 'figures'>): ChartTable {
  const figures = atlas ? new Map(atlas.figures.map((f) => [f.id, f])) : null;
  const cite = (r: RankRow): string[] => {
    const f = r.figureId ? figures?.get(r.figureId) : undefined;
    return f && atlas ? citeCells(f, atlas, lang) : figures ? ['', '', '', '', '', ''] : [];
  };
  return {
    columns: [tx(lang, 'list.name'), tx(lang, 'table.region'), tx(lang, 'chart.col.value'), withUnit(tx(lang, 'chart.col.number'), s.metric.unit, lang), withUnit(tx(lang, 'chart.col.upper'), s.metric.unit, lang), ...(figures ? citeColumns(lang) : [])],
    rows: s.rows.map((r) => [clusterName(r, lang), tx(lang, `region.${r.region}` as 'region.east'), valueText(r, lang), r.value == null ? '' : displayValue(r.value, r.unit, lang), r.valueMax == null ? '' : displayValue(r.valueMax, r.unit, lang), ...cite(r)]),
  };
}
