/**
 * What may be added and what may not. A figure is summable only as a legible point value ("=") of the
 * metric's own unit, scope total, of the kind its stage implies (baseline → actual, targets → target).
 * Thresholds, ranges, approximations and illegible amounts are never added; they are counted with why.
 */
import type { Atlas, FigureRow, MetricRow, SourceRow, Stage, RegionId, ViewStage } from '../../data/schema.ts';
import { REGION_IDS, STAGES } from '../../data/constants.ts';
import { figureFor } from '../../data/marks.ts';

export type Shape = 'point' | 'approx' | 'threshold-up' | 'threshold-down' | 'range' | 'illegible';
export type ExclusionReason = 'threshold' | 'range' | 'approximate' | 'illegible' | 'kind' | 'unit' | 'multiple' | 'low-grade';
export const EXCLUSION_REASONS: readonly ExclusionReason[] = ['threshold', 'range', 'approximate', 'illegible', 'kind', 'unit', 'multiple', 'low-grade'];

/** Sources graded low: their figures may be shown on request, never summed. */
export function lowSources(atlas: Pick<Atlas, 'sources'>): Set<string> {
  return new Set(atlas.sources.filter((s) => s.grade === 'low').map((s) => s.id));
}

export type Kind = FigureRow['kind'];
export const kindOfStage = (stage: Stage): Kind => (stage === 'baseline' || stage === 'outcome' ? 'actual' : 'target');

export function shapeOf(f: Pick<FigureRow, 'comparator' | 'value' | 'value_max'>): Shape {
  if (f.value == null) return 'illegible';
  switch (f.comparator) {
    case '=':
      return 'point';
    case '~':
      return 'approx';
    case '>=':
    case '>':
      return 'threshold-up';
    case '<=':
    case '<':
      return 'threshold-down';
    case 'range':
      return f.value_max == null ? 'threshold-up' : 'range';
  }
}

/** Why a figure cannot be added to others of its metric and stage, or null when it can. */
export function exclusionOf(f: FigureRow, metric: MetricRow, stage: Stage): ExclusionReason | null {
  if (f.value == null || f.value_status === 'illegible') return 'illegible';
  if (f.unit !== metric.unit) return 'unit';
  if (f.kind !== kindOfStage(stage)) return 'kind';
  if (f.comparator === 'range') return 'range';
  if (f.comparator === '~') return 'approximate';
  if (f.comparator !== '=') return 'threshold';
  return null;
}

export interface ClusterFigure {
  /** The figure shown for the cluster (as on the map), or null when it has none. */
  figure: FigureRow | null;
  /** Why it is not added, or null when it is a summable point value. */
  excluded: ExclusionReason | null;
}

/**
 * A cluster's figure for a metric and stage, judged for summing. Several point values for one cluster,
 * metric and stage (capacities of different products) are never added to each other or picked from.
 */
export function clusterFigure(figures: readonly FigureRow[], clusterId: string, metric: MetricRow, stage: Stage): ClusterFigure {
  const own = figures.filter((f) => f.subject_type === 'cluster' && f.subject_id === clusterId && f.metric === metric.id && f.stage === stage && f.scope === 'total');
  if (!own.length) return { figure: null, excluded: null };
  const points = own.filter((f) => f.comparator === '=' && f.value != null);
  const figure = figureFor(figures, clusterId, metric.id, stage)!;
  if (points.length > 1) return { figure, excluded: 'multiple' };
  return { figure, excluded: exclusionOf(figure, metric, stage) };
}

export interface SumResult {
  sum: number | null;
  summedIds: string[];
  excluded: { clusterId: string; figureId: string; reason: ExclusionReason }[];
  withoutFigure: string[];
  figureIds: string[];
}

/** Sums the summable point values of clusters; lists what was left out and why. */
export function sumClusters(figures: readonly FigureRow[], clusterIds: readonly string[], metric: MetricRow, stage: Stage, low: ReadonlySet<string> = new Set()): SumResult {
  const out: SumResult = { sum: null, summedIds: [], excluded: [], withoutFigure: [], figureIds: [] };
  let sum = 0;
  for (const id of clusterIds) {
    const { figure, excluded } = clusterFigure(figures, id, metric, stage);
    if (!figure) {
      out.withoutFigure.push(id);
      continue;
    }
    out.figureIds.push(figure.id);
    const reason = low.has(figure.source_id) ? 'low-grade' : excluded;
    if (reason) out.excluded.push({ clusterId: id, figureId: figure.id, reason });
    else {
      sum += figure.value!;
      out.summedIds.push(id);
    }
  }
  out.sum = out.summedIds.length ? sum : null;
  return out;
}

export function countReasons(excluded: readonly { reason: ExclusionReason }[]): Partial<Record<ExclusionReason, number>> {
  const out: Partial<Record<ExclusionReason, number>> = {};
  for (const e of excluded) out[e.reason] = (out[e.reason] ?? 0) + 1;
  return out;
}

export function metricOf(atlas: Atlas, id: string): MetricRow {
  const m = atlas.metrics.find((x) => x.id === id);
  if (!m) throw new Error(`unknown metric "${id}" (metrics: ${atlas.metrics.map((x) => x.id).join(', ')})`);
  return m;
}

export function checkStage(stage: string): Stage {
  if (!(STAGES as readonly string[]).includes(stage)) throw new Error(`unknown stage "${stage}" (stages: ${STAGES.join(', ')})`);
  return stage as Stage;
}

/**
 * The plan stage a chart that sums by stage uses for a view: `latest` (each cluster's newest actual,
 * years mixed) is never summed, so those charts show the documents' actuals (baseline) instead.
 */
export const planStageOf = (stage: ViewStage): Stage => (stage === 'latest' ? 'baseline' : stage);

export function isRegion(id: string): id is RegionId {
  return (REGION_IDS as readonly string[]).includes(id);
}

/** Region of each province adcode, 'none' for Hong Kong, Macao and Taiwan. */
export function regionOf(atlas: Atlas): Map<string, RegionId | 'none'> {
  return new Map(atlas.regions.map((r) => [r.adcode, r.region]));
}

/** The sources behind a set of ids, in id order, each once. */
export function sourcesFor(atlas: Atlas, ids: Iterable<string>): SourceRow[] {
  const want = new Set(ids);
  return atlas.sources.filter((s) => want.has(s.id));
}
