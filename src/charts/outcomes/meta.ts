/** Labels, title, description, source line, notes and table of the planned-vs-reached chart. */
import type { Lang } from '../../i18n/index.ts';
import { formatFigureValue, yearLabel } from '../../i18n/format.ts';
import { tx } from '../text.ts';
import { sourceLine } from '../shared/format.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import type { FigureSummary, OutcomesSeries, Pair, SubjectName } from './derive.ts';
import type { SourceRow } from '../../data/schema.ts';

/** The series' sources by id, for the "year per <source>" labels. */
export const sourceMap = (s: OutcomesSeries) => new Map(s.sources.map((x) => [x.id, x]));

const nm = (r: { name_zh: string; name_en: string }, lang: Lang) => (lang === 'zh' ? r.name_zh : r.name_en);

export function subjectLabel(s: SubjectName, lang: Lang): string {
  return s.type === 'province' ? tx(lang, 'chart.outcomes.provinceClusters', { province: nm(s, lang) }) : nm(s, lang);
}

/** "产值 · 2010年 · 3,900亿元 · 目标 · 官方发布" */
export function figureLabel(f: FigureSummary, lang: Lang, sources?: ReadonlyMap<string, SourceRow>): string {
  const parts = [nm(f.metric, lang), yearLabel(f.figure, lang, sources), formatFigureValue(f.figure, lang), tx(lang, `kind.${f.figure.kind}`)];
  if (f.grade) parts.push(tx(lang, `grade.${f.grade}`));
  return parts.join(' · ');
}

export function reasonsLine(p: Pair, lang: Lang): string {
  return tx(lang, 'chart.outcomes.notComparable', { reasons: p.reasons.map((r) => tx(lang, `chart.outcomes.reason.${r}`)).join(tx(lang, 'chart.list.sep')) });
}

export function ratioLine(p: Pair, lang: Lang): string {
  const pct = Math.round((p.ratio ?? 0) * 100);
  const threshold = !['=', '~'].includes(p.target.figure.comparator);
  return tx(lang, threshold ? 'chart.outcomes.ratioBound' : 'chart.outcomes.ratio', { pct });
}

export function title(_s: OutcomesSeries, lang: Lang): string {
  return tx(lang, 'chart.outcomes.title');
}

export function describe(s: OutcomesSeries, lang: Lang): string {
  if (!s.pairs.length && !s.others.length) return tx(lang, 'chart.outcomes.empty');
  const pairs = s.pairs.map((p) => `${subjectLabel(p.subject, lang)}: ${tx(lang, 'chart.outcomes.target')} ${figureLabel(p.target, lang, sourceMap(s))}; ${tx(lang, 'chart.outcomes.reached')} ${figureLabel(p.outcome, lang, sourceMap(s))}; ${p.comparable ? ratioLine(p, lang) : reasonsLine(p, lang)}`);
  const others = s.others.map((g) => `${subjectLabel(g.subject, lang)}: ${g.outcomes.map((o) => figureLabel(o, lang, sourceMap(s))).join('; ')}`);
  return [...pairs, ...others].join('. ');
}

export function meta(s: OutcomesSeries, lang: Lang): ChartMeta {
  const notes = [tx(lang, 'chart.outcomes.note.rule'), tx(lang, 'chart.outcomes.note.sum')];
  for (const g of s.others) if (g.mixed) notes.push(tx(lang, 'chart.outcomes.note.mixed', { subject: subjectLabel(g.subject, lang) }));
  return { title: title(s, lang), subtitle: tx(lang, 'chart.outcomes.subtitle'), source: sourceLine(s.sources, lang), notes };
}

export function table(s: OutcomesSeries, lang: Lang): ChartTable {
  const row = (subject: SubjectName, target: FigureSummary | null, outcome: FigureSummary, verdict: string) => [
    subjectLabel(subject, lang),
    target ? figureLabel(target, lang, sourceMap(s)) : '',
    figureLabel(outcome, lang, sourceMap(s)),
    verdict,
  ];
  return {
    columns: [tx(lang, 'chart.col.subject'), tx(lang, 'chart.outcomes.target'), tx(lang, 'chart.outcomes.reached'), tx(lang, 'chart.col.verdict')],
    rows: [
      ...s.pairs.map((p) => row(p.subject, p.target, p.outcome, p.comparable ? ratioLine(p, lang) : reasonsLine(p, lang))),
      ...s.others.flatMap((g) => g.outcomes.map((o) => row(g.subject, null, o, tx(lang, 'chart.outcomes.noTarget')))),
    ],
  };
}
