/**
 * The national programmes' own totals over time: every figure a source states about a programme's
 * clusters as a whole (the nation, or a region where the split is stated), grouped into series by
 * subject, metric, coverage and list (a total about the 45 clusters is not one about the 80). Counts of
 * designated clusters are left to the batches chart.
 */
import type { Atlas, BatchRow, MetricRow, SourceRow } from '../../data/schema.ts';
import { seriesOf, type FigureSeries } from '../../data/series.ts';
import { lowSources, sourcesFor } from '../shared/figures.ts';
import { maxOf, minOf } from '../../data/extent.ts';

const COUNTS_ELSEWHERE = new Set(['designated-total', 'cluster-count']);

export interface TotalsPanel {
  series: FigureSeries;
  metric: MetricRow;
  batch: BatchRow;
  programme: string;
}

export interface TotalsSeries {
  chart: 'totals';
  panels: TotalsPanel[];
  /** The years every panel spans, so that panels line up. */
  years: [number, number] | null;
  sources: SourceRow[];
}

export function derive(atlas: Atlas): TotalsSeries {
  const low = lowSources(atlas);
  const batches = new Map(atlas.batches.map((b) => [b.id, b]));
  const metrics = new Map(atlas.metrics.map((m) => [m.id, m]));
  const national = new Set(atlas.programmes.filter((p) => p.level === 'national').map((p) => p.id));
  const figs = atlas.figures.filter((f) => (f.subject_type === 'nation' || f.subject_type === 'region') && !COUNTS_ELSEWHERE.has(f.metric) && !low.has(f.source_id) && national.has(batches.get(f.batch)?.programme ?? ''));
  const panels = seriesOf(figs)
    .filter((s) => s.actuals.length + s.targets.length > 0)
    .map((s) => ({ series: s, metric: metrics.get(s.metric)!, batch: batches.get(s.batch!)!, programme: batches.get(s.batch!)!.programme }))
    .sort((a, b) => a.programme.localeCompare(b.programme) || (a.batch.year ?? 0) - (b.batch.year ?? 0) || Number(a.series.subjectType === 'region') - Number(b.series.subjectType === 'region') || a.series.subjectId.localeCompare(b.series.subjectId) || a.metric.id.localeCompare(b.metric.id));
  const years = panels.flatMap((p) => [...p.series.actuals, ...p.series.targets].map((f) => f.year!));
  const sourceIds = new Set(panels.flatMap((p) => [...p.series.actuals, ...p.series.targets, ...p.series.undated].map((f) => f.source_id)));
  return { chart: 'totals', panels, years: years.length ? [minOf(years), maxOf(years)] : null, sources: sourcesFor(atlas, sourceIds) };
}
