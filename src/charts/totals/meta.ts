/** Title, description, notes and table of the national totals chart. */
import type { Lang } from '../../i18n/index.ts';
import { formatFigureValue } from '../../i18n/format.ts';
import type { Atlas } from '../../data/schema.ts';
import { tx } from '../text.ts';
import { displayValue, sourceLine } from '../shared/format.ts';
import { citeCells, citeColumns } from '../shared/cite.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import type { TotalsPanel, TotalsSeries } from './derive.ts';

export function panelTitle(p: TotalsPanel, atlas: Pick<Atlas, 'programmes'>, lang: Lang): string {
  const prog = atlas.programmes.find((x) => x.id === p.programme);
  const count = p.batch.cumulative_count ?? p.batch.official_count;
  const list = `${prog ? (lang === 'zh' ? prog.short_zh : prog.short_en) : p.programme}${count ? tx(lang, 'chart.totals.count', { n: count }) : ''}`;
  const subject = p.series.subjectType === 'region' ? tx(lang, `region.${p.series.subjectId}` as 'region.east') : tx(lang, 'subject.nation');
  const metric = lang === 'zh' ? p.metric.name_zh : p.metric.name_en;
  const coverage = p.series.coverage === 'lead-industry' ? tx(lang, 'chart.totals.lead') : '';
  return tx(lang, 'chart.totals.panel', { list, subject, metric: `${metric}${coverage}` });
}

export function title(_s: TotalsSeries, lang: Lang): string {
  return tx(lang, 'chart.totals.title');
}

export function describe(s: TotalsSeries, lang: Lang, atlas: Pick<Atlas, 'programmes'>): string {
  if (!s.panels.length) return tx(lang, 'chart.totals.none');
  const parts = s.panels.map((p) => `${panelTitle(p, atlas, lang)}: ${[...p.series.actuals, ...p.series.targets].map((f) => `${f.year} ${formatFigureValue(f, lang)}${f.kind === 'target' ? ` (${tx(lang, 'kind.target')})` : ''}`).join(', ')}`);
  return tx(lang, 'chart.totals.desc', { list: parts.join(tx(lang, 'chart.list.sep')) });
}

export function meta(s: TotalsSeries, lang: Lang): ChartMeta {
  return { title: title(s, lang), subtitle: tx(lang, 'chart.totals.subtitle'), source: sourceLine(s.sources, lang), notes: [tx(lang, 'chart.totals.note.lists'), tx(lang, 'chart.totals.note.undated')] };
}

export function table(s: TotalsSeries, lang: Lang, atlas: Pick<Atlas, 'metrics' | 'sources' | 'programmes'>): ChartTable {
  const rows: (string | number)[][] = [];
  for (const p of s.panels) {
    for (const f of [...p.series.actuals, ...p.series.targets, ...p.series.undated]) {
      rows.push([panelTitle(p, atlas, lang), formatFigureValue(f, lang), f.value == null ? '' : displayValue(f.value, f.unit, lang), ...citeCells(f, atlas, lang)]);
    }
  }
  return { columns: [tx(lang, 'chart.col.series'), tx(lang, 'chart.col.value'), tx(lang, 'chart.col.number'), ...citeColumns(lang)], rows };
}
