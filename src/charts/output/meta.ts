/** Title, description, notes and table of the output-by-region chart. */
import type { Lang } from '../../i18n/index.ts';
import { formatAmount, formatFigureValue } from '../../i18n/format.ts';
import type { Atlas } from '../../data/schema.ts';
import { tx, txn } from '../text.ts';
import { displayValue, sourceLine, withUnit } from '../shared/format.ts';
import { citeCells, citeColumns } from '../shared/cite.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import type { OfficialTotal, OutputSeries } from './derive.ts';

const mname = (s: OutputSeries, lang: Lang) => (lang === 'zh' ? s.metric.name_zh : s.metric.name_en);

export function title(_s: OutputSeries, lang: Lang): string {
  return tx(lang, 'chart.output.title');
}

export function heading(s: OutputSeries, lang: Lang): string {
  return s.year == null ? mname(s, lang) : tx(lang, 'chart.output.heading', { metric: mname(s, lang), year: s.year });
}

export function countedText(counted: number, clusters: number, lang: Lang): string {
  return tx(lang, 'chart.output.counted', { n: counted, total: clusters });
}

export function officialLabel(o: OfficialTotal, lang: Lang): string {
  const cov = o.figure.coverage ? tx(lang, `chart.output.cov.${o.figure.coverage}`) : '';
  return o.listCount ? tx(lang, 'chart.output.official', { n: o.listCount, cov }) : tx(lang, 'chart.output.officialPlain', { cov });
}

/** What the sum found is of the official total: a share only when the coverage is the same; else why not. */
export function shareText(s: OutputSeries, o: OfficialTotal, lang: Lang): string {
  const found = s.total.sum;
  if (found == null || !o.figure.value) return tx(lang, 'chart.output.share.none');
  const covs = new Set(s.regions.flatMap((r) => r.figures.filter((f) => !f.leftOut).map((f) => f.figure.coverage ?? null)));
  const same = covs.size === 1 && covs.has(o.figure.coverage ?? null);
  const pct = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 1 }).format((100 * found) / o.figure.value);
  return tx(lang, same ? 'chart.output.share' : 'chart.output.share.mixed', { pct, n: s.total.counted, sum: formatAmount(found, s.metric.unit, lang) });
}

export function describe(s: OutputSeries, lang: Lang): string {
  if (s.year == null) return tx(lang, 'chart.output.none');
  const parts = s.regions.map((r) => `${tx(lang, `region.${r.region}`)} ${r.sum == null ? tx(lang, 'chart.output.noFigure') : formatAmount(r.sum, s.metric.unit, lang)} (${countedText(r.counted, r.clusters, lang)})`);
  const official = s.official.map((o) => `${officialLabel(o, lang)} ${formatFigureValue(o.figure, lang)}`);
  return tx(lang, 'chart.output.desc', { metric: mname(s, lang), year: s.year, list: parts.join(tx(lang, 'chart.list.sep')), official: official.length ? official.join(tx(lang, 'chart.list.sep')) : tx(lang, 'chart.output.noOfficial') });
}

export function meta(s: OutputSeries, lang: Lang): ChartMeta {
  const notes = [tx(lang, 'chart.output.note.sum')];
  const lead = s.regions.reduce((n, r) => n + r.leadIndustry, 0);
  if (lead) notes.push(txn(lang, 'chart.output.note.lead', lead));
  const left = s.regions.reduce((n, r) => n + r.figures.filter((f) => f.leftOut).length, 0);
  if (left) notes.push(txn(lang, 'chart.output.note.leftOut', left));
  if (s.years.length > 1) notes.push(tx(lang, 'chart.output.note.years', { list: s.years.map((y) => txn(lang, 'chart.output.yearCount', y.clusters, { year: y.year })).join(tx(lang, 'chart.list.sep')) }));
  return { title: title(s, lang), subtitle: tx(lang, 'chart.output.subtitle', { metric: mname(s, lang), year: s.year ?? '—' }), source: sourceLine(s.sources, lang), notes };
}

/** One row per value: each cluster's figure (added or not, and why), each region's sum, the totals. */
export function table(s: OutputSeries, lang: Lang, atlas: Pick<Atlas, 'metrics' | 'sources' | 'clusters'>): ChartTable {
  const unit = s.metric.unit;
  const names = new Map(atlas.clusters.map((c) => [c.id, lang === 'zh' ? c.name_zh : c.name_en]));
  const rows: (string | number)[][] = [];
  for (const r of s.regions) {
    for (const x of r.figures) {
      rows.push([names.get(x.clusterId) ?? x.clusterId, tx(lang, `region.${r.region}`), formatFigureValue(x.figure, lang), displayValue(x.figure.value!, unit, lang), x.leftOut ? tx(lang, `chart.output.leftOut.${x.leftOut}`) : tx(lang, 'chart.output.added'), ...citeCells(x.figure, atlas, lang)]);
    }
    rows.push([tx(lang, 'chart.output.regionSum', { region: tx(lang, `region.${r.region}`) }), tx(lang, `region.${r.region}`), r.sum == null ? '' : formatAmount(r.sum, unit, lang), r.sum == null ? '' : displayValue(r.sum, unit, lang), countedText(r.counted, r.clusters, lang), String(s.year ?? ''), '', '', '', '', '']);
  }
  for (const o of s.official) rows.push([officialLabel(o, lang), '', formatFigureValue(o.figure, lang), displayValue(o.figure.value!, unit, lang), '', ...citeCells(o.figure, atlas, lang)]);
  return {
    columns: [tx(lang, 'chart.col.subject'), tx(lang, 'table.region'), tx(lang, 'chart.col.value'), withUnit(tx(lang, 'chart.col.number'), unit, lang), tx(lang, 'chart.col.counted'), ...citeColumns(lang)],
    rows,
  };
}
