/**
 * Regions compared: clusters per region, and one figure summed per region only where the figures can
 * be added (point values of one metric, stage and kind). What is left out is counted with its reason.
 */
import type { Atlas, BatchRow, MetricRow, ProgrammeRow, RegionId, SourceRow, Stage } from '../../data/schema.ts';
import { REGION_IDS } from '../../data/constants.ts';
import { checkStage, countReasons, lowSources, kindOfStage, metricOf, regionOf, sourcesFor, sumClusters, type ExclusionReason, type Kind } from '../shared/figures.ts';

export interface RegionsView {
  metric: string;
  stage: Stage;
  /** Sum the figures of the stage (false for a view of each cluster's latest figure, whose years differ). */
  sum?: boolean;
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

/**
 * The issuer's own counts by region, for the latest batch in view of each programme that states them.
 * Never estimated: a programme whose latest batch states no split is named in `unstated`.
 */
export interface OfficialCounts {
  byRegion: Record<RegionId, number> | null;
  /** The batches whose statements are summed (one per programme). */
  batches: BatchRow[];
  /** Programmes in view with no stated regional split at all. */
  unstated: ProgrammeRow[];
  /** Batches in view after the one whose split is shown (their clusters are not in `foundByRegion`). */
  later: BatchRow[];
  /** Rows found for the programmes whose counts are shown, by region (to set beside the official count). */
  foundByRegion: Record<RegionId, number>;
}

export interface RegionsSeries {
  chart: 'regions';
  metric: MetricRow;
  stage: Stage;
  kind: Kind;
  /** Whether the figures are summed at all (see RegionsView.sum). */
  sum: boolean;
  regions: RegionEntry[];
  official: OfficialCounts;
  /** Documents behind the clusters counted and the figures used. */
  sources: SourceRow[];
}

export function derive(atlas: Atlas, view: RegionsView): RegionsSeries {
  const metric = metricOf(atlas, view.metric);
  const stage = checkStage(view.stage);
  const region = regionOf(atlas);
  const sourceIds = new Set<string>();
  const figureById = new Map(atlas.figures.map((f) => [f.id, f]));
  const low = lowSources(atlas);
  const regions = REGION_IDS.map((r): RegionEntry => {
    const clusters = atlas.clusters.filter((c) => region.get(c.province_adcode) === r);
    for (const c of clusters) sourceIds.add(c.source_id);
    const s = sumClusters(atlas.figures, clusters.map((c) => c.id), metric, stage, low);
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
  const official = officialCounts(atlas);
  for (const b of official.batches) sourceIds.add(b.source_id);
  return { chart: 'regions', metric, stage, kind: kindOfStage(stage), sum: view.sum ?? true, regions, official, sources: sourcesFor(atlas, sourceIds) };
}

const zeros = () => Object.fromEntries(REGION_IDS.map((r) => [r, 0])) as Record<RegionId, number>;

/** Official cluster counts by region (designated to date) for the latest batch in view of each programme. */
export function officialCounts(atlas: Atlas): OfficialCounts {
  const region = regionOf(atlas);
  const out: OfficialCounts = { byRegion: null, batches: [], unstated: [], later: [], foundByRegion: zeros() };
  const sum = zeros();
  for (const p of atlas.programmes) {
    const batches = atlas.batches.filter((b) => b.programme === p.id);
    if (!batches.length || !atlas.clusters.some((c) => batches.some((b) => b.id === c.batch))) continue;
    // The latest batch whose issuer states the split by region; rows found are counted up to it.
    const splitOf = (b: BatchRow) => atlas.figures.filter((f) => f.batch === b.id && f.subject_type === 'region' && f.metric === 'designated-total' && f.scope === 'total' && f.value != null);
    const at = batches.map((b) => REGION_IDS.every((r) => splitOf(b).some((f) => f.subject_id === r))).lastIndexOf(true);
    if (at >= 0) {
      const latest = batches[at]!;
      const figs = splitOf(latest);
      for (const r of REGION_IDS) sum[r] += figs.find((f) => f.subject_id === r)!.value!;
      out.batches.push(latest);
      for (const x of batches.slice(at + 1)) out.later.push(x);
      const ids = new Set(batches.slice(0, at + 1).map((b) => b.id));
      for (const c of atlas.clusters) {
        const reg = region.get(c.province_adcode);
        if (ids.has(c.batch) && c.status !== 'sub-cluster' && reg && reg !== 'none') out.foundByRegion[reg]++;
      }
    } else if (p.level === 'national') out.unstated.push(p);
  }
  if (out.batches.length) out.byRegion = sum;
  return out;
}
