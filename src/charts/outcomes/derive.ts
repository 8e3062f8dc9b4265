/**
 * Planned vs reached: a plan's target beside what a later source says was reached. The two are set side
 * by side as comparable only where they cover the same clusters (a curatorial judgement in the data), use
 * the same metric and unit, are both legible, and the target's year is known and equals the outcome's.
 * Otherwise every reason is listed. Outcomes without a pair are listed by subject, by year. A national
 * cluster's own goals (a dated target) stand beside its latest actual of the same metric, unit and coverage
 * dated no later than the goal: how far it had come by then. Nothing is summed.
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

/** A national cluster's own dated goal and the latest actual of its metric, unit and coverage up to that year. */
export interface GoalEntry {
  /** The target figure's id. */
  id: string;
  subject: SubjectName;
  target: FigureSummary;
  /** Null when the record holds no such actual. */
  latest: FigureSummary | null;
  /**
   * latest / target where both are legible and neither is a ceiling or a range (a floor counts against its
   * bound; a latest value that is itself a floor makes the share a floor: see `latestFloor`); null otherwise.
   */
  ratio: number | null;
  /** The latest actual is of the goal's own year: what was reached, not progress toward it. */
  due: boolean;
}

export interface OutcomesSeries {
  chart: 'outcomes';
  pairs: Pair[];
  others: OutcomeGroup[];
  goals: GoalEntry[];
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

const dated = (f: FigureRow): f is FigureRow & { year: number; value: number } => KNOWN_YEAR.has(f.year_status) && f.year != null && f.value != null;

/** Of the candidates, the latest year; in one year an exact value before a bound, then by id (stable). */
function latestOf(fs: readonly (FigureRow & { year: number })[]): FigureRow | null {
  const exact = (f: FigureRow) => (f.comparator === '=' ? 0 : 1);
  return fs.slice().sort((a, b) => b.year - a.year || exact(a) - exact(b) || a.id.localeCompare(b.id))[0] ?? null;
}

/** Each dated, legible goal of a national cluster in view, with the latest actual that matches it (see GoalEntry). */
export function goalsOf(atlas: Atlas, summary: (f: FigureRow) => FigureSummary): GoalEntry[] {
  const national = new Set(atlas.clusters.filter((c) => c.status === 'national').map((c) => c.id));
  const ofCluster = (f: FigureRow) => f.subject_type === 'cluster' && national.has(f.subject_id);
  const actuals = atlas.figures.filter((f) => f.kind === 'actual' && ofCluster(f) && dated(f));
  const goals: GoalEntry[] = [];
  for (const t of atlas.figures) {
    if (t.kind !== 'target' || !ofCluster(t) || !dated(t)) continue;
    const same = actuals.filter((a) => a.subject_id === t.subject_id && a.metric === t.metric && a.unit === t.unit && a.coverage === t.coverage && a.year! <= t.year) as (FigureRow & { year: number })[];
    const latest = latestOf(same);
    const ratio = latest && RATIO_COMPARATORS.has(t.comparator) && RATIO_COMPARATORS.has(latest.comparator) && t.value > 0 ? latest.value! / t.value : null;
    goals.push({ id: t.id, subject: subjectName(atlas, t), target: summary(t), latest: latest ? summary(latest) : null, ratio, due: latest?.year === t.year });
  }
  // Goals with a share first (where a room shows only some, those say the most), then those with a figure but
  // no share, then those with none; by cluster and year within.
  const rank = (g: GoalEntry) => (g.ratio != null ? 0 : g.latest ? 1 : 2);
  return goals.sort((a, b) => rank(a) - rank(b) || a.subject.id.localeCompare(b.subject.id) || a.target.figure.year! - b.target.figure.year! || a.id.localeCompare(b.id));
}

/** Whether a goal's share is a floor: its latest value is itself a floor ("over 2,200"). */
export const latestFloor = (g: GoalEntry): boolean => g.latest != null && (g.latest.figure.comparator === '>' || g.latest.figure.comparator === '>=');

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
  const goals = goalsOf(atlas, summary);
  for (const g of goals) for (const f of [g.target.figure, g.latest?.figure]) if (f) for (const id of [f.source_id, f.year_source_id]) if (id) sourceIds.add(id);
  return { chart: 'outcomes', pairs, others, goals, sources: sourcesFor(atlas, sourceIds) };
}
