/**
 * The one place numbers become text. 亿元 in Chinese ("1,800亿元"); billion yuan in English
 * ("180 billion yuan": 1 亿 = 0.1 billion), with thousands separators; comparators, stages and years
 * labelled in both languages. Figures are never rounded beyond what the source states.
 */
import { t, catalog, type Lang, type MessageKey } from './index.ts';
import type { FigureRow, SourceRow, Stage } from '../data/schema.ts';

const YI = '\u4EBF\u5143'; // 亿元, the unit of money figures in the data

/** One formatter per language: making one costs far more than using it (tens of ms over a page's counts). */
const formatters = new Map<Lang, Intl.NumberFormat>();
function number(v: number, lang: Lang): string {
  let f = formatters.get(lang);
  if (!f) formatters.set(lang, (f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 3 })));
  return f.format(v);
}

/** Money in 亿元 converted for display: English shows billions of yuan. */
function scaled(v: number, unit: string, lang: Lang): number {
  return unit === YI && lang === 'en' ? Math.round(v * 1000) / 10000 : v;
}

/** A plain count with the language's separators. */
export function formatNumber(v: number, lang: Lang): string {
  return number(v, lang);
}

export function unitLabel(unit: string, lang: Lang): string {
  const key = `unit.${unit}`;
  return key in catalog(lang) ? catalog(lang)[key]! : unit;
}

/** A value with its unit: "1,800亿元" / "180 billion yuan"; "80%"; "32,000家" / "32,000 firms". */
export function formatAmount(v: number, unit: string, lang: Lang): string {
  const n = number(scaled(v, unit, lang), lang);
  const u = unitLabel(unit, lang);
  if (!u) return n;
  if (unit === '%') return `${n}%`;
  return lang === 'zh' ? `${n}${u}` : `${n} ${u}`;
}

/** A figure's value with its comparator: "≥1,000亿元", "200–500亿元", "about 2,700 …"; illegible said so. */
export function formatFigureValue(f: Pick<FigureRow, 'value' | 'value_max' | 'comparator' | 'unit'>, lang: Lang): string {
  if (f.value == null) return t(lang, 'value.illegible');
  if (f.comparator === 'range' && f.value_max != null) {
    const lo = number(scaled(f.value, f.unit, lang), lang);
    const hi = formatAmount(f.value_max, f.unit, lang);
    return t(lang, 'cmp.range', { v: lo, max: hi });
  }
  return t(lang, `cmp.${f.comparator}` as MessageKey, { v: formatAmount(f.value, f.unit, lang) });
}

export function stageLabel(stage: Stage, lang: Lang): string {
  return t(lang, `stage.${stage}`);
}

/** "2010年" / "year illegible in the source" / "2015 (per <press summary>)". */
export function yearLabel(f: Pick<FigureRow, 'year' | 'year_status' | 'year_source_id'>, lang: Lang, sources?: ReadonlyMap<string, SourceRow>): string {
  if (f.year_status === 'illegible') return t(lang, 'year.illegible');
  if (f.year_status === 'none' || f.year == null) return t(lang, 'year.none');
  if (f.year_status === 'confirmed') {
    const src = f.year_source_id ? sources?.get(f.year_source_id) : undefined;
    const name = src ? (lang === 'zh' ? src.issuer_zh : src.issuer_en) : (f.year_source_id ?? '');
    return t(lang, 'year.confirmed', { year: f.year, source: name });
  }
  if (f.year_status === 'derived') return t(lang, 'year.derived', { year: f.year });
  return t(lang, 'year.stated', { year: f.year });
}

/** "一期目标 · 原文年份不清" / "Target 1 · year illegible in the source". */
export function stageYearLabel(f: Pick<FigureRow, 'stage' | 'year' | 'year_status' | 'year_source_id'>, lang: Lang, sources?: ReadonlyMap<string, SourceRow>): string {
  return `${stageLabel(f.stage, lang)} · ${yearLabel(f, lang, sources)}`;
}
