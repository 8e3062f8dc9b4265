/** Title, description, source line, notes and table of the batches chart. */
import type { Lang } from '../../i18n/index.ts';
import { REGION_IDS } from '../../data/constants.ts';
import { tx } from '../text.ts';
import { sourceLine } from '../shared/format.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import type { BatchesSeries, BatchStep } from './derive.ts';

const pname = (p: { name_zh: string; name_en: string }, lang: Lang) => (lang === 'zh' ? p.name_zh : p.name_en);
const rname = (r: string, lang: Lang) => tx(lang, `region.${r}` as 'region.east');

export function title(_s: BatchesSeries, lang: Lang): string {
  return tx(lang, 'chart.batches.title');
}

/** "官方 45（东部30、中部8…）" or "收录 21（官方未公布分区）". */
export function stepText(st: BatchStep, lang: Lang): string {
  const total = st.officialTotal != null ? tx(lang, 'chart.batches.official', { n: st.officialTotal }) : tx(lang, 'chart.batches.officialNone');
  const split = st.officialByRegion ? REGION_IDS.map((r) => tx(lang, 'chart.batches.regionCount', { region: rname(r, lang), n: st.officialByRegion![r] })).join(tx(lang, 'chart.list.sep')) : tx(lang, 'chart.batches.splitNone');
  return `${total} (${split}); ${tx(lang, 'chart.batches.found', { n: st.found })}`;
}

export function describe(s: BatchesSeries, lang: Lang): string {
  if (!s.programmes.length) return tx(lang, 'chart.batches.empty');
  return s.programmes.map((p) => `${pname(p.programme, lang)}: ${p.steps.map((st) => `${st.batch.year} ${stepText(st, lang)}`).join('; ')}`).join('. ');
}

export function meta(s: BatchesSeries, lang: Lang): ChartMeta {
  return {
    title: title(s, lang),
    subtitle: tx(lang, 'chart.batches.subtitle'),
    source: sourceLine(s.sources, lang),
    notes: [tx(lang, 'chart.batches.note.official'), tx(lang, 'chart.batches.note.found'), ...s.programmes.flatMap((p) => p.steps.map((st) => (lang === 'zh' ? st.batch.completeness_zh : st.batch.completeness_en)).filter((x): x is string => !!x).filter((x, i, a) => a.indexOf(x) === i))],
  };
}

export function table(s: BatchesSeries, lang: Lang): ChartTable {
  return {
    columns: [tx(lang, 'chart.col.programme'), tx(lang, 'chart.col.batch'), tx(lang, 'chart.col.year'), tx(lang, 'chart.col.officialTotal'), ...REGION_IDS.map((r) => `${rname(r, lang)} · ${tx(lang, 'chart.col.official')}`), ...REGION_IDS.map((r) => `${rname(r, lang)} · ${tx(lang, 'chart.col.found')}`)],
    rows: s.programmes.flatMap((p) =>
      p.steps.map((st) => [
        pname(p.programme, lang),
        pname(st.batch, lang),
        st.batch.year ?? '',
        st.officialTotal ?? tx(lang, 'chart.batches.notStated'),
        ...REGION_IDS.map((r) => (st.officialByRegion ? st.officialByRegion[r] : tx(lang, 'chart.batches.notStated'))),
        ...REGION_IDS.map((r) => st.foundByRegion[r]),
      ]),
    ),
  };
}
