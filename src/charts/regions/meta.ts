/** Title, accessible description, source line, notes and the table of exactly the plotted numbers. */
import type { Lang } from '../../i18n/index.ts';
import { formatAmount } from '../../i18n/format.ts';
import { tx, txn } from '../text.ts';
import { displayValue, reasonsText, sourceLine, withUnit } from '../shared/format.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import type { RegionsSeries } from './derive.ts';

const rname = (r: string, lang: Lang) => tx(lang, `region.${r}` as 'region.east');
const mname = (s: RegionsSeries, lang: Lang) => (lang === 'zh' ? s.metric.name_zh : s.metric.name_en);
const sep = (lang: Lang) => tx(lang, 'chart.list.sep');

export function title(_s: RegionsSeries, lang: Lang): string {
  return tx(lang, 'chart.regions.title');
}

/** "East has 8 clusters, Central 1, … Output (Target 1), summed point values: Northeast 8,540亿元 (15 of 26); …" */
export function describe(s: RegionsSeries, lang: Lang): string {
  const [first, ...rest] = s.regions;
  const counts = [txn(lang, 'chart.regions.desc.first', first!.clusters, { region: rname(first!.region, lang) }), ...rest.map((r) => tx(lang, 'chart.regions.desc.next', { region: rname(r.region, lang), n: r.clusters }))].join(sep(lang));
  const sums = s.regions
    .map((r) =>
      r.sum != null
        ? tx(lang, 'chart.regions.desc.sum', { region: rname(r.region, lang), value: formatAmount(r.sum, s.metric.unit, lang), summed: r.summed, clusters: r.clusters })
        : tx(lang, r.withFigure ? 'chart.regions.desc.notComparable' : 'chart.regions.desc.none', { region: rname(r.region, lang) }),
    )
    .join(sep(lang));
  if (!s.sum) return `${counts}${tx(lang, 'chart.sentence.end')}${tx(lang, 'chart.regions.latestNotSummed')}`;
  return tx(lang, 'chart.regions.desc', { counts, metric: mname(s, lang), stage: tx(lang, `stage.${s.stage}`), sums });
}

export function meta(s: RegionsSeries, lang: Lang): ChartMeta {
  const notes = [s.sum ? tx(lang, 'chart.note.summable') : tx(lang, 'chart.regions.latestNotSummed'), tx(lang, 'chart.regions.note.counts')];
  if (s.official.byRegion) notes.push(tx(lang, 'chart.regions.note.official'));
  for (const p of s.official.unstated) notes.push(tx(lang, 'chart.regions.note.unstated', { programme: lang === 'zh' ? p.name_zh : p.name_en }));
  for (const r of s.regions) if (s.sum && r.excluded.length) notes.push(`${rname(r.region, lang)}${tx(lang, 'chart.colon')}${tx(lang, 'chart.regions.leftOut', { reasons: reasonsText(r.reasons, lang) })}`);
  return {
    title: title(s, lang),
    subtitle: s.sum ? tx(lang, 'chart.regions.subtitle', { metric: mname(s, lang), stage: tx(lang, `stage.${s.stage}`) }) : tx(lang, 'chart.regions.subtitle.counts'),
    source: sourceLine(s.sources, lang),
    notes,
  };
}

export function table(s: RegionsSeries, lang: Lang): ChartTable {
  if (!s.sum) {
    return {
      columns: [tx(lang, 'table.region'), tx(lang, 'table.clusters'), ...(s.official.byRegion ? [tx(lang, 'chart.col.official'), tx(lang, 'chart.col.found')] : [])],
      rows: s.regions.map((r) => [rname(r.region, lang), r.clusters, ...(s.official.byRegion ? [s.official.byRegion[r.region], s.official.foundByRegion[r.region]] : [])]),
    };
  }
  return {
    columns: [
      tx(lang, 'table.region'),
      tx(lang, 'table.clusters'),
      tx(lang, 'chart.col.withFigure'),
      tx(lang, 'chart.col.summed'),
      withUnit(tx(lang, 'chart.col.sum', { metric: mname(s, lang), stage: tx(lang, `stage.${s.stage}`) }), s.metric.unit, lang),
      tx(lang, 'chart.col.leftOut'),
      ...(s.official.byRegion ? [tx(lang, 'chart.col.official'), tx(lang, 'chart.col.found')] : []),
    ],
    rows: s.regions.map((r) => [
      rname(r.region, lang),
      r.clusters,
      r.withFigure,
      r.summed,
      r.sum == null ? tx(lang, r.withFigure ? 'chart.regions.notComparable' : 'chart.regions.noFigures') : displayValue(r.sum, s.metric.unit, lang),
      reasonsText(r.reasons, lang),
      ...(s.official.byRegion ? [s.official.byRegion[r.region], s.official.foundByRegion[r.region]] : []),
    ]),
  };
}
