/**
 * Output by region for one year: each region's clusters in the layers shown, the sum of the point values
 * stated for that year, and how many clusters it counts. Only one year is ever summed, one metric, point
 * values ("=") from sources not graded low; every other figure is listed with why it is not added. Where a
 * programme's official total for the year is stated, it stands beside the sum of what was found.
 */
import type { Atlas, FigureRow, MetricRow, RegionId, SourceRow } from '../../data/schema.ts';
import { REGION_IDS } from '../../data/constants.ts';
import { figuresOfCluster } from '../../data/marks.ts';
import { figureYears as yearsOf, chosenYear } from '../../data/series.ts';
import { lowSources, metricOf, regionOf, sourcesFor } from '../shared/figures.ts';

export interface OutputView {
  metric: string;
  /** The year to sum; null or a year without figures = the year with the most clusters counted. */
  year: number | null;
}

export type LeftOut = 'threshold' | 'approximate' | 'range' | 'low-grade';

export interface OutputEntry {
  region: RegionId;
  /** Clusters of the region in the layers shown (sub-clusters not counted). */
  clusters: number;
  /** The figure each cluster shows for the year (one per cluster), with why it is left out, if it is. */
  figures: { clusterId: string; figure: FigureRow; leftOut: LeftOut | null }[];
  /** Clusters whose point value is added. */
  counted: number;
  /** Of those, figures about the lead industries alone (主导产业). */
  leadIndustry: number;
  sum: number | null;
}

export interface OfficialTotal {
  figure: FigureRow;
  /** The clusters the total is about, as its list states (45, 80 …), or null. */
  listCount: number | null;
}

export interface OutputSeries {
  chart: 'output';
  metric: MetricRow;
  year: number | null;
  /** Years with at least one figure of the metric, newest first, with how many clusters have one. */
  years: { year: number; clusters: number }[];
  regions: OutputEntry[];
  /** The sum over the four regions of what was found. */
  total: { sum: number | null; counted: number; clusters: number };
  official: OfficialTotal[];
  sources: SourceRow[];
}

const COVERAGE_ORDER = (f: FigureRow) => (f.coverage === 'lead-industry' ? 1 : 0);
const CMP_ORDER: Record<FigureRow['comparator'], number> = { '=': 0, '~': 1, '>=': 2, '>': 3, range: 4, '<=': 5, '<': 6 };

/** A cluster's one figure for the year: the whole cluster before its lead industries, a point value before a bound. */
function figureOfYear(figures: readonly FigureRow[], clusterId: string, metric: string, year: number): FigureRow | null {
  const own = figuresOfCluster(figures, clusterId).filter((f) => f.metric === metric && f.kind === 'actual' && f.scope === 'total' && f.year === year && f.value != null);
  own.sort((a, b) => COVERAGE_ORDER(a) - COVERAGE_ORDER(b) || CMP_ORDER[a.comparator] - CMP_ORDER[b.comparator] || a.id.localeCompare(b.id));
  return own[0] ?? null;
}

function leftOutOf(f: FigureRow, low: ReadonlySet<string>): LeftOut | null {
  if (low.has(f.source_id)) return 'low-grade';
  if (f.comparator === '=') return null;
  if (f.comparator === '~') return 'approximate';
  if (f.comparator === 'range') return 'range';
  return 'threshold';
}

export function derive(atlas: Atlas, view: OutputView): OutputSeries {
  const metric = metricOf(atlas, view.metric);
  const years = yearsOf(atlas, metric.id);
  const year = chosenYear(years, view.year);
  const region = regionOf(atlas);
  const low = lowSources(atlas);
  const sourceIds = new Set<string>();
  const regions = REGION_IDS.map((r): OutputEntry => {
    const clusters = atlas.clusters.filter((c) => c.status !== 'sub-cluster' && region.get(c.province_adcode) === r);
    const figures: OutputEntry['figures'] = [];
    for (const c of clusters) {
      const f = year == null ? null : figureOfYear(atlas.figures, c.id, metric.id, year);
      if (f) figures.push({ clusterId: c.id, figure: f, leftOut: leftOutOf(f, low) });
    }
    const added = figures.filter((x) => !x.leftOut);
    for (const x of figures) sourceIds.add(x.figure.source_id);
    return {
      region: r,
      clusters: clusters.length,
      figures,
      counted: added.length,
      leadIndustry: added.filter((x) => x.figure.coverage === 'lead-industry').length,
      sum: added.length ? added.reduce((s, x) => s + x.figure.value!, 0) : null,
    };
  });
  const counted = regions.reduce((s, r) => s + r.counted, 0);
  const total = { sum: counted ? regions.reduce((s, r) => s + (r.sum ?? 0), 0) : null, counted, clusters: regions.reduce((s, r) => s + r.clusters, 0) };
  const official = officialTotals(atlas, metric.id, year);
  for (const o of official) sourceIds.add(o.figure.source_id);
  return { chart: 'output', metric, year, years, regions, total, official, sources: sourcesFor(atlas, sourceIds) };
}

/** A programme's own stated totals of the metric for the year (nation), for the lists in view. */
function officialTotals(atlas: Atlas, metric: string, year: number | null): OfficialTotal[] {
  if (year == null) return [];
  const batches = new Map(atlas.batches.map((b) => [b.id, b]));
  return atlas.figures
    .filter((f) => f.subject_type === 'nation' && f.metric === metric && f.kind === 'actual' && f.year === year && f.value != null && f.scope === 'total' && batches.has(f.batch))
    .map((f) => {
      const b = batches.get(f.batch)!;
      return { figure: f, listCount: b.cumulative_count ?? b.official_count ?? null };
    });
}
