/** Labels, title, description, source line, notes and table of the planned-vs-reached chart. */
import type { Lang } from '../../i18n/index.ts';
import { formatFigureValue, stageLabel, yearLabel } from '../../i18n/format.ts';
import { tx } from '../text.ts';
import { sourceLine } from '../shared/format.ts';
import type { ChartMeta, ChartTable } from '../shared/meta.ts';
import { latestFloor, type FigureSummary, type GoalEntry, type OutcomesSeries, type Pair, type SubjectName } from './derive.ts';
import type { SourceRow } from '../../data/schema.ts';

/** The series' sources by id, for the "year per <source>" labels. */
export const sourceMap = (s: OutcomesSeries) => new Map(s.sources.map((x) => [x.id, x]));

const nm = (r: { name_zh: string; name_en: string }, lang: Lang) => (lang === 'zh' ? r.name_zh : r.name_en);

export function subjectLabel(s: SubjectName, lang: Lang): string {
  if (s.type === 'region') return tx(lang, `region.${s.id}` as 'region.east');
  if (s.type === 'nation') return tx(lang, 'chart.nation');
  const name = (lang === 'zh' ? s.name_zh : s.name_en) ?? s.id;
  return s.type === 'province' ? tx(lang, 'chart.outcomes.provinceClusters', { province: name }) : name;
}

/** "官方发布" / "low reliability": a low-grade source is always named as such. */
export function gradeLabel(f: FigureSummary, lang: Lang): string {
  return f.low ? tx(lang, 'chart.outcomes.lowGrade') : f.grade ? tx(lang, `grade.${f.grade}`) : '';
}

/** "产值 · 2010年 · 3,900亿元 · 目标 · 官方发布": metric, year (or why there is none), value, kind (unless its line says it), grade. */
export function figureLabel(f: FigureSummary, lang: Lang, sources?: ReadonlyMap<string, SourceRow>, withKind = true): string {
  const parts = [nm(f.metric, lang), yearLabel(f.figure, lang, sources), formatFigureValue(f.figure, lang), ...(withKind ? [tx(lang, `kind.${f.figure.kind}`)] : [])];
  const grade = gradeLabel(f, lang);
  if (grade) parts.push(grade);
  return parts.join(' · ');
}

export function reasonsLine(p: Pair, lang: Lang): string {
  return tx(lang, 'chart.outcomes.notComparable', { reasons: p.reasons.map((r) => tx(lang, `chart.outcomes.reason.${r}`)).join(tx(lang, 'chart.list.sep')) });
}

/** "达到目标的64%", "为目标下限的120%", or why no share is given (a ceiling or a range). */
export function ratioLine(p: Pair, lang: Lang): string {
  if (p.ratio == null) return tx(lang, 'chart.outcomes.noRatio');
  const pct = Math.round(p.ratio * 100);
  const threshold = !['=', '~'].includes(p.target.figure.comparator);
  return tx(lang, threshold ? 'chart.outcomes.ratioBound' : 'chart.outcomes.ratio', { pct });
}

/** "2024年为2025年目标的50%", "at least 88% of the 2025 goal in 2024", or why there is no share. */
export function goalLine(g: GoalEntry, lang: Lang): string {
  if (!g.latest) return tx(lang, 'chart.outcomes.goal.none');
  if (g.ratio == null) return tx(lang, 'chart.outcomes.goal.noRatio');
  const pct = Math.round(g.ratio * 100);
  const vars = { pct, year: g.latest.figure.year!, goalYear: g.target.figure.year! };
  if (latestFloor(g)) return tx(lang, 'chart.outcomes.goal.shareFloor', vars);
  if (g.latest.figure.comparator === '~') return tx(lang, 'chart.outcomes.goal.shareApprox', vars);
  return tx(lang, g.due ? 'chart.outcomes.goal.due' : 'chart.outcomes.goal.share', vars);
}

/** Entries of every kind, for "nothing to show" and the slide's count. */
export const entryCount = (s: OutcomesSeries): number => s.pairs.length + s.goals.length + s.others.length;

export function title(_s: OutcomesSeries, lang: Lang): string {
  return tx(lang, 'chart.outcomes.title');
}

export function describe(s: OutcomesSeries, lang: Lang): string {
  if (!entryCount(s)) return tx(lang, 'chart.outcomes.empty');
  const pairs = s.pairs.map((p) => `${subjectLabel(p.subject, lang)}: ${tx(lang, 'chart.outcomes.target')} ${figureLabel(p.target, lang, sourceMap(s))}; ${tx(lang, 'chart.outcomes.reached')} ${figureLabel(p.outcome, lang, sourceMap(s))}; ${p.comparable ? ratioLine(p, lang) : reasonsLine(p, lang)}`);
  const goals = s.goals.map((g) => `${subjectLabel(g.subject, lang)}: ${tx(lang, 'chart.outcomes.target')} ${figureLabel(g.target, lang, sourceMap(s))}; ${g.latest ? `${tx(lang, 'chart.outcomes.latest')} ${figureLabel(g.latest, lang, sourceMap(s))}; ` : ''}${goalLine(g, lang)}`);
  const others = s.others.map((g) => `${subjectLabel(g.subject, lang)}: ${g.outcomes.map((o) => figureLabel(o, lang, sourceMap(s))).join('; ')}`);
  return [...pairs, ...goals, ...others].join('. ');
}

export function meta(s: OutcomesSeries, lang: Lang): ChartMeta {
  const notes = [tx(lang, 'chart.outcomes.note.rule'), ...(s.goals.length ? [tx(lang, 'chart.outcomes.note.goals')] : []), tx(lang, 'chart.outcomes.note.sum')];
  for (const p of s.pairs) if (!p.comparable) notes.push(`${subjectLabel(p.subject, lang)}${tx(lang, 'chart.colon')}${reasonsLine(p, lang)}`);
  for (const g of s.others) if (g.mixed) notes.push(tx(lang, 'chart.outcomes.note.mixed', { subject: subjectLabel(g.subject, lang) }));
  return { title: title(s, lang), subtitle: tx(lang, 'chart.outcomes.subtitle'), source: s.sources.length ? sourceLine(s.sources, lang) : tx(lang, 'chart.outcomes.noSources'), notes };
}

/** Subject, metric(s), target (value · stage · year), outcome (value · year), grade(s), compared or why not. */
export function table(s: OutcomesSeries, lang: Lang): ChartTable {
  const sources = sourceMap(s);
  const sep = ' / ';
  const row = (subject: SubjectName, target: FigureSummary | null, outcome: FigureSummary | null, verdict: string) => [
    subjectLabel(subject, lang),
    [...new Set([target, outcome].filter((f) => f != null).map((f) => nm(f.metric, lang)))].join(sep),
    target ? [formatFigureValue(target.figure, lang), stageLabel(target.figure.stage, lang), yearLabel(target.figure, lang, sources)].join(' · ') : '',
    outcome ? [formatFigureValue(outcome.figure, lang), yearLabel(outcome.figure, lang, sources)].join(' · ') : '',
    [target, outcome].filter((f) => f != null).map((f) => gradeLabel(f, lang)).join(sep),
    verdict,
  ];
  return {
    columns: [tx(lang, 'chart.col.subject'), tx(lang, 'chart.outcomes.col.metric'), tx(lang, 'chart.outcomes.col.target'), tx(lang, 'chart.outcomes.col.outcome'), tx(lang, 'chart.outcomes.col.grades'), tx(lang, 'chart.col.verdict')],
    rows: [
      ...s.pairs.map((p) => row(p.subject, p.target, p.outcome, p.comparable ? `${tx(lang, 'chart.outcomes.comparable')}${tx(lang, 'chart.colon')}${ratioLine(p, lang)}` : reasonsLine(p, lang))),
      ...s.goals.map((g) => row(g.subject, g.target, g.latest, goalLine(g, lang))),
      ...s.others.flatMap((g) => g.outcomes.map((o) => row(g.subject, null, o, tx(lang, 'chart.outcomes.noTarget')))),
    ],
  };
}
