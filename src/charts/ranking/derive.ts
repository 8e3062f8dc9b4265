/**
 * Cluster ranking: the clusters the caller filtered (ClusterMark[] from clusterMarks) ordered by the
 * figure they show for the metric and stage; an illegible amount after all values, clusters without a
 * figure last. A threshold ranks at its bound but stays a threshold (drawn hatched, labelled "≥").
 */
import type { Atlas, FigureRow, MetricRow, RegionId, SourceRow, ViewStage } from '../../data/schema.ts';
import type { ClusterMark } from '../../data/marks.ts';
import { metricOf, shapeOf, sourcesFor, type Shape } from '../shared/figures.ts';
import { VIEW_STAGES } from '../../data/constants.ts';

export interface RankingView {
  metric: string;
  stage: ViewStage;
}

export interface RankRow {
  clusterId: string;
  name_zh: string;
  name_en: string;
  region: RegionId;
  sector: string;
  status: 'value' | 'illegible' | 'none';
  figureId: string | null;
  shape: Shape | null;
  comparator: FigureRow['comparator'] | null;
  kind: FigureRow['kind'] | null;
  value: number | null;
  valueMax: number | null;
  unit: string;
  /** The year the figure is for, where stated. */
  year: number | null;
}

export interface RankingSeries {
  chart: 'ranking';
  metric: MetricRow;
  stage: ViewStage;
  rows: RankRow[];
  sources: SourceRow[];
}

/** A view's stage (which may be `latest`) checked. */
function checkViewStage(stage: string): ViewStage {
  if (!(VIEW_STAGES as readonly string[]).includes(stage)) throw new Error(`unknown stage "${stage}" (stages: ${VIEW_STAGES.join(', ')})`);
  return stage as ViewStage;
}

const COMPARATOR_ORDER: Record<FigureRow['comparator'], number> = { '=': 0, '~': 1, range: 2, '>=': 3, '>': 4, '<=': 5, '<': 6 };
const STATUS_ORDER = { value: 0, illegible: 1, none: 2 } as const;

export function derive(atlas: Atlas, marks: readonly ClusterMark[], view: RankingView): RankingSeries {
  const metric = metricOf(atlas, view.metric);
  const stage = checkViewStage(view.stage);
  const sourceIds = new Set<string>();
  const rows = marks.map((m): RankRow => {
    const f = m.figure;
    if (f && (f.metric !== metric.id || (stage === 'latest' ? f.kind !== 'actual' : f.stage !== stage))) throw new Error(`ranking: mark ${m.cluster.id} carries a ${f.metric}/${f.stage} figure, not ${metric.id}/${stage}: build the marks with the same metric and stage`);
    if (m.region === 'none') throw new Error(`ranking: cluster ${m.cluster.id} is in no region`);
    // The documents that name the ranked clusters, and those behind their figures.
    sourceIds.add(m.cluster.source_id);
    if (f) sourceIds.add(f.source_id);
    return {
      clusterId: m.cluster.id,
      name_zh: m.label.zh,
      name_en: m.label.en,
      region: m.region,
      sector: m.cluster.sector,
      status: !f ? 'none' : f.value == null ? 'illegible' : 'value',
      figureId: f?.id ?? null,
      shape: f ? shapeOf(f) : null,
      comparator: f?.comparator ?? null,
      kind: f?.kind ?? null,
      value: f?.value ?? null,
      valueMax: f?.value_max ?? null,
      unit: f?.unit ?? metric.unit,
      year: f?.year ?? null,
    };
  });
  rows.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (b.value ?? 0) - (a.value ?? 0) ||
      (b.valueMax ?? 0) - (a.valueMax ?? 0) ||
      (a.comparator && b.comparator ? COMPARATOR_ORDER[a.comparator] - COMPARATOR_ORDER[b.comparator] : 0) ||
      a.clusterId.localeCompare(b.clusterId),
  );
  return { chart: 'ranking', metric, stage, rows, sources: sourcesFor(atlas, sourceIds) };
}
