/**
 * Figures over time: a subject's figures of one metric and coverage, ordered by year, and the growth
 * between two of them. Pure; used by the growth and totals charts and by a cluster's detail panel.
 *
 * A series never mixes metrics (产值 and 营业收入 are different series) nor coverage (the whole cluster
 * and its lead industries alone). Average yearly growth is computed only between two actual point
 * values ("=") of one series in different years: never from a threshold, an approximation or a target.
 */
import type { Atlas, FigureRow, MetricRow } from './schema.ts';

export interface SeriesKey {
  subjectType: FigureRow['subject_type'];
  subjectId: string;
  metric: string;
  coverage: FigureRow['coverage'];
  /** The batch (list) a programme total refers to; null for a cluster's own series. */
  batch: string | null;
}

export interface FigureSeries extends SeriesKey {
  /** Actual figures with a year, by year (several in one year: each kept, in id order). */
  actuals: FigureRow[];
  /** Targets with a year, by year. */
  targets: FigureRow[];
  /** Figures of the series without a usable year (none, illegible): listed, never placed on a time axis. */
  undated: FigureRow[];
}

export interface Growth {
  from: FigureRow;
  to: FigureRow;
  years: number;
  /** Average yearly growth, as a fraction (0.12 = 12% a year). */
  rate: number;
}

const keyOf = (f: FigureRow, withBatch: boolean) => `${f.subject_type}|${f.subject_id}|${f.metric}|${f.coverage ?? ''}|${withBatch ? f.batch : ''}`;
const byYear = (a: FigureRow, b: FigureRow) => (a.year ?? 0) - (b.year ?? 0) || a.id.localeCompare(b.id);

/**
 * Groups figures (scope total, legible) into series. Programme totals (nation, region) are kept apart by
 * batch, since a total about the 45 clusters is not one about the 80; a cluster's figures are not.
 */
export function seriesOf(figures: readonly FigureRow[], metrics?: readonly MetricRow[]): FigureSeries[] {
  const money = metrics ? new Set(metrics.map((m) => m.id)) : null;
  const out = new Map<string, FigureSeries>();
  for (const f of figures) {
    if (f.scope !== 'total' || f.value == null) continue;
    if (money && !money.has(f.metric)) continue;
    const withBatch = f.subject_type !== 'cluster';
    const k = keyOf(f, withBatch);
    let s = out.get(k);
    if (!s) {
      s = { subjectType: f.subject_type, subjectId: f.subject_id, metric: f.metric, coverage: f.coverage, batch: withBatch ? f.batch : null, actuals: [], targets: [], undated: [] };
      out.set(k, s);
    }
    if (f.year == null) s.undated.push(f);
    else (f.kind === 'actual' ? s.actuals : s.targets).push(f);
  }
  for (const s of out.values()) {
    s.actuals.sort(byYear);
    s.targets.sort(byYear);
    s.undated.sort((a, b) => a.id.localeCompare(b.id));
  }
  return [...out.values()];
}

/** Average yearly growth between two figures; null unless both are legible point values of different years. */
export function growthBetween(from: FigureRow, to: FigureRow): Growth | null {
  if (from.comparator !== '=' || to.comparator !== '=') return null;
  if (from.value == null || to.value == null || from.year == null || to.year == null) return null;
  if (from.metric !== to.metric || (from.coverage ?? null) !== (to.coverage ?? null) || from.unit !== to.unit) return null;
  const years = to.year - from.year;
  if (years <= 0 || from.value <= 0 || to.value <= 0) return null;
  return { from, to, years, rate: (to.value / from.value) ** (1 / years) - 1 };
}

/** Point values ("=") of the series' actuals, one per year (the first by id where a year has two). */
export function pointActuals(s: FigureSeries): FigureRow[] {
  const seen = new Set<number>();
  return s.actuals.filter((f) => f.comparator === '=' && f.value != null && !seen.has(f.year!) && seen.add(f.year!));
}

/** Growth from the first to the latest actual point value of a series, or null with fewer than two years. */
export function seriesGrowth(s: FigureSeries): Growth | null {
  const pts = pointActuals(s);
  if (pts.length < 2) return null;
  return growthBetween(pts[0]!, pts[pts.length - 1]!);
}

/**
 * What the series' own goal asks: the yearly growth needed from its latest actual point value to its
 * first point target after it (same metric and coverage), or null. A threshold target ("超过") counts at
 * its bound: the growth needed to reach it.
 */
export function plannedGrowth(s: FigureSeries): Growth | null {
  const pts = pointActuals(s);
  const last = pts[pts.length - 1];
  if (!last) return null;
  const target = s.targets.find((t) => t.year! > last.year! && t.value != null && t.comparator !== '<' && t.comparator !== '<=');
  if (!target) return null;
  return growthBetween(last, { ...target, comparator: '=' });
}

/** The median of numbers (null for none). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Years with actual cluster figures of a metric (clusters of the atlas given), newest first, with how many clusters have one. */
export function figureYears(atlas: Pick<Atlas, 'clusters' | 'figures'>, metric: string): { year: number; clusters: number }[] {
  const ids = new Set(atlas.clusters.map((c) => c.id));
  const by = new Map<number, Set<string>>();
  for (const f of atlas.figures) {
    if (f.subject_type !== 'cluster' || !ids.has(f.subject_id) || f.metric !== metric || f.kind !== 'actual' || f.year == null || f.value == null || f.scope !== 'total') continue;
    const s = by.get(f.year) ?? new Set<string>();
    s.add(f.subject_id);
    by.set(f.year, s);
  }
  return [...by].map(([year, s]) => ({ year, clusters: s.size })).sort((a, b) => b.year - a.year);
}

/** The year to show of `years` (from figureYears): the one asked for when it has figures, else the year with the most clusters (the later on a tie). */
export function chosenYear(years: readonly { year: number; clusters: number }[], asked: number | null): number | null {
  if (asked != null && years.some((y) => y.year === asked)) return asked;
  return [...years].sort((a, b) => b.clusters - a.clusters || b.year - a.year)[0]?.year ?? null;
}
