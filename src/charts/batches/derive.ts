/**
 * Growth across the regions, batch by batch: for each national list in view, the clusters designated to
 * date after each batch, by region — the issuer's own counts where it states them, else the rows found
 * here, always labelled which. Nothing is estimated.
 */
import type { Atlas, BatchRow, ProgrammeRow, RegionId, SourceRow } from '../../data/schema.ts';
import { REGION_IDS } from '../../data/constants.ts';
import { regionOf, sourcesFor } from '../shared/figures.ts';

export interface BatchStep {
  batch: BatchRow;
  /** Designated to date as the issuer states it (cumulative count, or a running sum of stated batch counts); null when not stated. */
  officialTotal: number | null;
  /** The issuer's split by region after this batch, or null when it states none. */
  officialByRegion: Record<RegionId, number> | null;
  /** Rows found here to date, by region (sub-clusters not counted). */
  foundByRegion: Record<RegionId, number>;
  found: number;
  /** Whether the step is within the view's year (the map shows it). */
  inView: boolean;
}

export interface ProgrammeSteps {
  programme: ProgrammeRow;
  steps: BatchStep[];
}

export interface BatchesSeries {
  chart: 'batches';
  programmes: ProgrammeSteps[];
  until: number | null;
  sources: SourceRow[];
}

const zeros = () => Object.fromEntries(REGION_IDS.map((r) => [r, 0])) as Record<RegionId, number>;

/** `atlas` holds the layers in view (all their batches); `until` marks the step the map shows. */
export function derive(atlas: Atlas, view: { until: number | null }): BatchesSeries {
  const region = regionOf(atlas);
  const sourceIds = new Set<string>();
  const programmes: ProgrammeSteps[] = [];
  for (const programme of atlas.programmes.filter((p) => p.level === 'national')) {
    const batches = atlas.batches.filter((b) => b.programme === programme.id && b.year != null);
    if (!batches.length) continue;
    const found = zeros();
    let running: number | null = 0;
    const steps = batches.map((batch): BatchStep => {
      sourceIds.add(batch.source_id);
      for (const c of atlas.clusters) {
        const r = region.get(c.province_adcode);
        if (c.batch === batch.id && c.status !== 'sub-cluster' && r && r !== 'none') found[r]++;
      }
      running = running != null && batch.official_count != null ? running + batch.official_count : null;
      const officialTotal = batch.cumulative_count ?? running;
      if (batch.cumulative_count != null) running = batch.cumulative_count;
      const figs = atlas.figures.filter((f) => f.batch === batch.id && f.subject_type === 'region' && f.metric === 'designated-total' && f.scope === 'total' && f.value != null);
      const officialByRegion = REGION_IDS.every((r) => figs.some((f) => f.subject_id === r)) ? (Object.fromEntries(REGION_IDS.map((r) => [r, figs.find((f) => f.subject_id === r)!.value!])) as Record<RegionId, number>) : null;
      for (const f of officialByRegion ? figs : []) sourceIds.add(f.source_id);
      return { batch, officialTotal, officialByRegion, foundByRegion: { ...found }, found: REGION_IDS.reduce((n, r) => n + found[r], 0), inView: view.until == null || batch.year! <= view.until };
    });
    programmes.push({ programme, steps });
  }
  return { chart: 'batches', programmes, until: view.until, sources: sourcesFor(atlas, sourceIds) };
}
