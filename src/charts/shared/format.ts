/** Chart-side text: axis numbers, source lines, reasons. Everything user-visible goes through tx(). */
import type { Lang } from '../../i18n/index.ts';
import { unitLabel } from '../../i18n/format.ts';
import type { SourceRow } from '../../data/schema.ts';
import { tx, txn } from '../text.ts';
import type { ExclusionReason } from './figures.ts';

const YI = '\u4EBF\u5143'; // the unit of money figures in the data

/** A value on an axis: the number as formatAmount would scale it, without the unit. */
export function axisNumber(v: number, unit: string, lang: Lang): string {
  const n = unit === YI && lang === 'en' ? Math.round(v * 1000) / 10000 : v;
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(n);
}

/** The unit an axis is in ("亿元" / "billion yuan"; counts have none in English). */
export function axisUnit(unit: string, lang: Lang): string {
  return unitLabel(unit, lang);
}

export function plainNumber(v: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits }).format(v);
}

/** Past this many documents a source line names the issuers most cited and counts the rest. */
const SOURCE_LINE_MAX = 6;

/**
 * "Issuer Doc-number" (or the title where a document has no number), joined; a long list (a chart that
 * counts every cluster of the national lists rests on hundreds of reports) names its most frequent issuers
 * and the number of documents, which the chart's source entries and the sources page list one by one.
 */
export function sourceLine(sources: readonly SourceRow[], lang: Lang): string {
  if (sources.length > SOURCE_LINE_MAX) {
    const count = new Map<string, number>();
    for (const s of sources) {
      const issuer = lang === 'zh' ? s.issuer_zh : s.issuer_en;
      count.set(issuer, (count.get(issuer) ?? 0) + 1);
    }
    const top = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4).map(([issuer]) => issuer);
    return tx(lang, 'chart.source.many', { list: top.join(tx(lang, 'chart.list.sep')), n: sources.length });
  }
  const parts = sources.map((s) => {
    const issuer = lang === 'zh' ? s.issuer_zh : s.issuer_en;
    const title = lang === 'zh' ? s.title_zh : s.title_en;
    return s.doc_number ? `${issuer} ${s.doc_number}` : tx(lang, 'chart.source.item', { issuer, title });
  });
  return tx(lang, 'chart.source', { list: parts.join(tx(lang, 'chart.list.sep')) });
}

export function reasonText(reason: ExclusionReason, n: number, lang: Lang): string {
  return txn(lang, `chart.reason.${reason}`, n);
}

export function reasonsText(counts: Partial<Record<ExclusionReason, number>>, lang: Lang): string {
  return Object.entries(counts)
    .map(([r, n]) => reasonText(r as ExclusionReason, n, lang))
    .join(tx(lang, 'chart.list.sep'));
}

/** A value in the unit the reader sees (亿元 in Chinese, billion yuan in English), for tables and CSV. */
export function displayValue(v: number, unit: string, lang: Lang): number {
  return unit === YI && lang === 'en' ? Math.round(v * 1000) / 10000 : v;
}

/** A column header with its unit: "Sum (billion yuan)"; a unit-less count keeps the bare name. */
export function withUnit(label: string, unit: string, lang: Lang): string {
  const u = axisUnit(unit, lang);
  return u ? tx(lang, 'chart.col.withUnit', { label, unit: u }) : label;
}
