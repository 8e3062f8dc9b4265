/**
 * Which clusters grew fastest: for each cluster in the layers shown, its average yearly growth from the
 * first to the latest actual point value of one series (one metric, one coverage), and the growth its
 * own published goal asks from there; by region, the median of the clusters' rates with their count.
 */
import type { Atlas, MetricRow, RegionId, SourceRow } from '../../data/schema.ts';
import { REGION_IDS } from '../../data/constants.ts';
import { figuresOfCluster } from '../../data/marks.ts';
import { seriesOf, seriesGrowth, plannedGrowth, median, pointActuals, type Growth } from '../../data/series.ts';
import { lowSources, metricOf, regionOf, sourcesFor } from '../shared/figures.ts';

export interface ChangeView {
  metric: string;
}

export interface ChangeRow {
  clusterId: string;
  name_zh: string;
  name_en: string;
  region: RegionId;
  growth: Growth;
  /** The yearly growth the cluster's own goal asks from its latest actual, or null. */
  planned: Growth | null;
}

export interface RegionGrowth {
  region: RegionId;
  median: number | null;
  clusters: number;
}

export interface ChangeSeries {
  chart: 'change';
  /** The view's metric, whose series come first; a cluster without one shows another money metric's, named. */
  metric: MetricRow;
  /** The money metrics, for naming a row's. */
  metrics: MetricRow[];
  rows: ChangeRow[];
  regions: RegionGrowth[];
  /** Clusters with actual figures of the metric but fewer than two years of point values. */
  single: number;
  /** Clusters of the layers shown (sub-clusters not counted). */
  clusters: number;
  sources: SourceRow[];
}

export function derive(atlas: Atlas, view: ChangeView): ChangeSeries {
  const metric = metricOf(atlas, view.metric);
  const region = regionOf(atlas);
  const low = lowSources(atlas);
  const sourceIds = new Set<string>();
  const money = [metric.id, ...atlas.metrics.filter((m) => m.mappable && m.id !== metric.id).map((m) => m.id)];
  const rank = (id: string) => money.indexOf(id);
  const rows: ChangeRow[] = [];
  let single = 0;
  const clusters = atlas.clusters.filter((c) => c.status !== 'sub-cluster');
  for (const c of clusters) {
    const reg = region.get(c.province_adcode);
    if (!reg || reg === 'none') continue;
    // Low-grade figures are never used for a rate. A rate is between two values of one series (metric and
    // coverage); the view's metric comes first, then the others in the order of metrics.csv, and the
    // whole cluster before its lead industries.
    const own = figuresOfCluster(atlas.figures, c.id).filter((f) => money.includes(f.metric) && !low.has(f.source_id));
    const series = seriesOf(own).sort((a, b) => rank(a.metric) - rank(b.metric) || Number(a.coverage === 'lead-industry') - Number(b.coverage === 'lead-industry'));
    const withGrowth = series.map((s) => ({ s, g: seriesGrowth(s) })).find((x) => x.g);
    if (!withGrowth) {
      if (series.some((s) => s.actuals.length)) single++;
      continue;
    }
    const planned = plannedGrowth(withGrowth.s);
    for (const f of [...pointActuals(withGrowth.s), ...(planned ? [planned.to] : [])]) sourceIds.add(f.source_id);
    rows.push({ clusterId: c.id, name_zh: c.name_zh, name_en: c.name_en, region: reg, growth: withGrowth.g!, planned });
  }
  rows.sort((a, b) => b.growth.rate - a.growth.rate || a.clusterId.localeCompare(b.clusterId));
  const regions = REGION_IDS.map((r): RegionGrowth => {
    const rates = rows.filter((x) => x.region === r).map((x) => x.growth.rate);
    return { region: r, median: median(rates), clusters: rates.length };
  });
  return { chart: 'change', metric, metrics: atlas.metrics.filter((m) => m.mappable), rows, regions, single, clusters: clusters.length, sources: sourcesFor(atlas, sourceIds) };
}
