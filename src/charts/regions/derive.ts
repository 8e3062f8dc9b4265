/**
 * Regions compared: clusters per region, and one figure summed per region only where the figures can
 * be added (point values of one metric, stage and kind). What is left out is counted with its reason.
 */
import type { Atlas, MetricRow, RegionId, SourceRow, Stage } from '../../data/schema.ts';
import { REGION_IDS } from '../../data/schema.ts';
import { checkStage, countReasons, kindOfStage, metricOf, regionOf, sourcesFor, sumClusters, type ExclusionReason, type Kind } from '../shared/figures.ts';

export interface RegionsView {
  metric: string;
  stage: Stage;
}

export interface RegionEntry {
  region: RegionId;
  /** Clusters in the data whose province is in the region (sub-clusters included). */
  clusters: number;
  /** Clusters with a figure for the metric and stage. */
  withFigure: number;
  /** Clusters whose point value is in the sum. */
  summed: number;
  /** The sum of those point values, or null when none could be added: "not comparable". */
  sum: number | null;
  /** Clusters with a figure that was not added, and why. */
  excluded: { clusterId: string; figureId: string; reason: ExclusionReason }[];
  reasons: Partial<Record<ExclusionReason, number>>;
}

export interface RegionsSeries {
  chart: 'regions';
  metric: MetricRow;
  stage: Stage;
  kind: Kind;
  regions: RegionEntry[];
  /** Documents behind the clusters counted and the figures used. */
  sources: SourceRow[];
}

export function derive(atlas: Atlas, view: RegionsView): RegionsSeries {
  const metric = metricOf(atlas, view.metric);
  const stage = checkStage(view.stage);
  const region = regionOf(atlas);
  const sourceIds = new Set<string>();
  const figureById = new Map(atlas.figures.map((f) => [f.id, f]));
  const regions = REGION_IDS.map((r): RegionEntry => {
    const clusters = atlas.clusters.filter((c) => region.get(c.province_adcode) === r);
    for (const c of clusters) sourceIds.add(c.source_id);
    const s = sumClusters(atlas.figures, clusters.map((c) => c.id), metric, stage);
    for (const id of s.figureIds) sourceIds.add(figureById.get(id)!.source_id);
    return {
      region: r,
      clusters: clusters.length,
      withFigure: s.figureIds.length,
      summed: s.summedIds.length,
      sum: s.sum,
      excluded: s.excluded,
      reasons: countReasons(s.excluded),
    };
  });
  return { chart: 'regions', metric, stage, kind: kindOfStage(stage), regions, sources: sourcesFor(atlas, sourceIds) };
}
