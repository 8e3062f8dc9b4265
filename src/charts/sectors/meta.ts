/** Title, description, notes and table of the sector mix. */
import type { Lang } from '../../i18n/index.ts';
import { tx, txn } from '../text.ts';
import { sourceLine } from '../shared/format.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import type { SectorsSeries } from './derive.ts';

export const sectorName = (s: { name_zh: string; name_en: string }, lang: Lang) => (lang === 'zh' ? s.name_zh : s.name_en);
const rname = (r: string, lang: Lang) => tx(lang, `region.${r}` as 'region.east');

export function title(_s: SectorsSeries, lang: Lang): string {
  return tx(lang, 'chart.sectors.title');
}

export function describe(s: SectorsSeries, lang: Lang): string {
  const parts = s.regions.map((r) => {
    const mix = s.sectors
      .map((sec, i) => ({ sec, n: r.counts[i]! }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n)
      .map((x) => `${sectorName(x.sec, lang)} ${x.n}`)
      .join(tx(lang, 'chart.list.comma'));
    return txn(lang, 'chart.sectors.desc.region', r.total, { region: rname(r.region, lang), mix: mix || tx(lang, 'chart.sectors.none') });
  });
  return parts.join(tx(lang, 'chart.list.sep'));
}

export function meta(s: SectorsSeries, lang: Lang): ChartMeta {
  return {
    title: title(s, lang),
    subtitle: tx(lang, 'chart.sectors.subtitle'),
    source: sourceLine(s.sources, lang),
    notes: [tx(lang, 'chart.sectors.note.curatorial'), tx(lang, 'chart.regions.note.counts')],
  };
}

export function table(s: SectorsSeries, lang: Lang): ChartTable {
  return {
    columns: [tx(lang, 'table.region'), ...s.sectors.map((x) => sectorName(x, lang)), tx(lang, 'table.clusters')],
    rows: s.regions.map((r) => [rname(r.region, lang), ...r.counts, r.total]),
  };
}
