/**
 * Planned vs reached: a plan's target beside what a later source says was reached. The two are set side
 * by side as comparable only where they cover the same clusters (a curatorial judgement in the data), use
 * the same metric and unit, are both legible, and the target's year is known and equals the outcome's.
 * Otherwise every reason is listed. Outcomes without a pair are listed by subject, by year. Nothing is summed.
 */
import type { Atlas, FigureRow, Grade, MetricRow, SourceRow } from '../../data/schema.ts';
import { sourcesFor } from '../shared/figures.ts';
import { resolveSubject, type Subject } from '../growth/derive.ts';

export type Reason = 'scope' | 'metric' | 'unit' | 'illegible' | 'year-unknown' | 'year-differs';
export const REASONS: readonly Reason[] = ['scope', 'metric', 'unit', 'illegible', 'year-unknown', 'year-differs'];

/** No view options yet: the layers (and whether low-grade sources are shown) are chosen by filtering the atlas. */
export type OutcomesView = Record<string, never>;

/** A figure's subject, as the growth chart resolves it (names null for regions and the nation: named by i18n). */
export type SubjectName = Subject;

export interface FigureSummary {
  figure: FigureRow;
  metric: MetricRow;
  grade: Grade | null;
  /** From a low-grade source: marked and labelled "low reliability" wherever it is shown. */
  low: boolean;
}

export interface Pair {
  id: string;
  subject: SubjectName;
  target: FigureSummary;
  outcome: FigureSummary;
  comparable: boolean;
  reasons: Reason[];
  /**
   * outcome / target where comparable and the target is a point, an approximate value or a floor (>=, >:
   * the ratio is against its bound); null otherwise, a ceiling or a range included.
   */
  ratio: number | null;
  note_zh: string | null;
  note_en: string | null;
}

export interface OutcomeGroup {
  subject: SubjectName;
  outcomes: FigureSummary[];
  /** More than one metric or unit among them: they are not one series. */
  mixed: boolean;
}

export interface OutcomesSeries {
  chart: 'outcomes';
  pairs: Pair[];
  others: OutcomeGroup[];
  sources: SourceRow[];
}

const KNOWN_YEAR = new Set(['stated', 'confirmed', 'derived']);

const RATIO_COMPARATORS = new Set<FigureRow['comparator']>(['=', '~', '>=', '>']);

/** The figure's subject resolved as the growth chart does; its id as its name when it is not in view. */
function subjectName(atlas: Atlas, f: FigureRow): SubjectName {
  try {
    const { subject } = resolveSubject(atlas, f.subject_id);
    if (subject.type === f.subject_type) return subject;
  } catch {
    // Not in this atlas (another layer): named by its id below.
  }
  const named = f.subject_type !== 'region' && f.subject_type !== 'nation';
  return { type: f.subject_type, id: f.subject_id, name_zh: named ? f.subject_id : null, name_en: named ? f.subject_id : null };
}

export function verdict(target: FigureRow, outcome: FigureRow, scopeMatch: boolean): { reasons: Reason[]; ratio: number | null } {
  const reasons: Reason[] = [];
  if (!scopeMatch || target.subject_type !== outcome.subject_type || target.subject_id !== outcome.subject_id) reasons.push('scope');
  if (target.metric !== outcome.metric) reasons.push('metric');
  if (target.unit !== outcome.unit) reasons.push('unit');
  if (target.value == null || outcome.value == null) reasons.push('illegible');
  if (!KNOWN_YEAR.has(target.year_status) || target.year == null || !KNOWN_YEAR.has(outcome.year_status) || outcome.year == null) reasons.push('year-unknown');
  else if (target.year !== outcome.year) reasons.push('year-differs');
  const ratio = reasons.length || !RATIO_COMPARATORS.has(target.comparator) || target.value === 0 ? null : outcome.value! / target.value!;
  return { reasons, ratio };
}

export function derive(atlas: Atlas, _view: OutcomesView = {}): OutcomesSeries {
  const figures = new Map(atlas.figures.map((f) => [f.id, f]));
  const metrics = new Map(atlas.metrics.map((m) => [m.id, m]));
  const grades = new Map(atlas.sources.map((s) => [s.id, s.grade]));
  const summary = (f: FigureRow): FigureSummary => {
    const grade = grades.get(f.source_id) ?? null;
    return { figure: f, metric: metrics.get(f.metric)!, grade, low: grade === 'low' };
  };
  const sourceIds = new Set<string>();
  const paired = new Set<string>();
  const pairs: Pair[] = [];
  for (const c of atlas.comparisons) {
    const target = figures.get(c.target_id);
    const outcome = figures.get(c.outcome_id);
    // Either figure may be out of view (another layer, or a low-grade source not shown).
    if (!target || !outcome) continue;
    paired.add(outcome.id);
    for (const f of [target, outcome]) {
      sourceIds.add(f.source_id);
      if (f.year_source_id) sourceIds.add(f.year_source_id);
    }
    const v = verdict(target, outcome, c.scope_match);
    pairs.push({ id: c.id, subject: subjectName(atlas, target), target: summary(target), outcome: summary(outcome), comparable: v.reasons.length === 0, reasons: v.reasons, ratio: v.ratio, note_zh: c.note_zh, note_en: c.note_en });
  }
  const bySubject = new Map<string, FigureRow[]>();
  for (const f of atlas.figures) {
    if (f.stage !== 'outcome' || paired.has(f.id)) continue;
    const key = `${f.subject_type}:${f.subject_id}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), f]);
    sourceIds.add(f.source_id);
    if (f.year_source_id) sourceIds.add(f.year_source_id);
  }
  const others: OutcomeGroup[] = [...bySubject.values()].map((fs) => {
    const sorted = fs.slice().sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999) || a.id.localeCompare(b.id));
    return { subject: subjectName(atlas, sorted[0]!), outcomes: sorted.map(summary), mixed: new Set(sorted.map((f) => `${f.metric}|${f.unit}`)).size > 1 };
  });
  others.sort((a, b) => a.subject.id.localeCompare(b.subject.id));
  return { chart: 'outcomes', pairs, others, sources: sourcesFor(atlas, sourceIds) };
}
