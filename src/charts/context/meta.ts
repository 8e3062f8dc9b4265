/** Title, description, notes and table of the regional context chart. */
import type { Lang } from '../../i18n/index.ts';
import { tx } from '../text.ts';
import { plainNumber, sourceLine } from '../shared/format.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import type { ContextSeries } from './derive.ts';

const rname = (r: string, lang: Lang) => tx(lang, `region.${r}` as 'region.east');
const first = (s: ContextSeries) => s.years[0] ?? 0;
const last = (s: ContextSeries) => s.years[s.years.length - 1] ?? 0;

export function title(s: ContextSeries, lang: Lang): string {
  return tx(lang, 'chart.context.title', { from: first(s), to: last(s) });
}

export function describe(s: ContextSeries, lang: Lang): string {
  const n = s.years.length - 1;
  const parts = s.regions.map((r) =>
    tx(lang, 'chart.context.desc.region', {
      region: rname(r.region, lang),
      from: r.share[0] == null ? '?' : plainNumber(r.share[0], lang),
      to: r.share[n] == null ? '?' : plainNumber(r.share[n], lang),
      index: r.index[n] == null ? '?' : plainNumber(r.index[n], lang, 0),
    }),
  );
  return tx(lang, 'chart.context.desc', { first: first(s), last: last(s), regions: parts.join(tx(lang, 'chart.list.sep')) });
}

export function meta(s: ContextSeries, lang: Lang): ChartMeta {
  const notes = [tx(lang, 'chart.context.note.provinces', { n: s.provinceCount }), tx(lang, 'chart.context.note.prices'), tx(lang, 'chart.context.note.index', { first: first(s) })];
  if (s.missingProvinces.length) notes.push(tx(lang, 'chart.context.note.missing', { list: s.missingProvinces.join(tx(lang, 'chart.list.comma')) }));
  if (s.incompleteYears.length) notes.push(tx(lang, 'chart.context.note.incomplete', { list: s.incompleteYears.join(tx(lang, 'chart.list.comma')) }));
  return {
    title: title(s, lang),
    subtitle: tx(lang, 'chart.context.subtitle', { first: first(s) }),
    source: sourceLine(s.sources, lang),
    notes,
  };
}

/** One row per year: each region's share (%) then each region's index, rounded to 0.01 as plotted. */
export function table(s: ContextSeries, lang: Lang): ChartTable {
  const r2 = (v: number | null) => (v == null ? '' : Math.round(v * 100) / 100);
  return {
    columns: [
      tx(lang, 'chart.col.year'),
      ...s.regions.map((r) => tx(lang, 'chart.context.col.share', { region: rname(r.region, lang) })),
      ...s.regions.map((r) => tx(lang, 'chart.context.col.index', { region: rname(r.region, lang), first: first(s) })),
    ],
    rows: s.years.map((y, i) => [y, ...s.regions.map((r) => r2(r.share[i]!)), ...s.regions.map((r) => r2(r.index[i]!))]),
  };
}
