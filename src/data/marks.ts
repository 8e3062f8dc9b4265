/**
 * What the map draws, derived purely from the data and the view: one mark per cluster at its anchor
 * (the first site its document names), sized by the chosen figure, plus the cluster's other sites.
 */
import type { Atlas, ClusterRow, FigureRow, SiteRow, RegionId, ViewStage } from './schema.ts';
import type { ProvinceRegion } from './selectors.ts';
import { layerAtlas, type LayerFilter } from './layers.ts';
import { clusterLabels, sitesByCluster, type ClusterLabel } from './names.ts';
import { byCodeUnit } from './order.ts';

export interface MapFilter extends LayerFilter {
  regions: readonly RegionId[];
  /** Sector ids shown; empty = all. */
  sectors: readonly string[];
  metric: string;
  stage: ViewStage;
}

export interface ClusterMark {
  cluster: ClusterRow;
  /** Its name with its place (大连·石化), for every row, label and tooltip. */
  label: ClusterLabel;
  region: ProvinceRegion;
  /** The site the mark stands at (first named), then the others. */
  anchor: SiteRow;
  others: SiteRow[];
  /** The figure shown for the metric and stage, or null: drawn as a small neutral mark. */
  figure: FigureRow | null;
  /**
   * Without a figure for the metric, the cluster's latest actual figure of another money metric (营业收入,
   * 产业规模 …), told in the tooltip and the list but never sizing the mark: metrics are never on one scale.
   * Only with the stage `latest`.
   */
  other: FigureRow | null;
  /** The value that sizes the mark: a point value or a threshold's bound; null without a figure. */
  value: number | null;
  /** Its position among the marks of its layer selection, metric and stage (the list's order is kept by it). */
  seq: number;
}

const byCluster = new WeakMap<readonly FigureRow[], Map<string, FigureRow[]>>();

/**
 * The figures about one cluster, from an index built once per figures array (a scan of every figure per
 * cluster made the map's marks O(clusters × figures): 18 s for 10,000 clusters). The arrays are never
 * changed after they are built.
 */
export function figuresOfCluster(figures: readonly FigureRow[], clusterId: string): readonly FigureRow[] {
  return clusterFigureIndex(figures).get(clusterId) ?? [];
}

/** Every cluster's figures (in file order) by cluster id: the index above. */
export function clusterFigureIndex(figures: readonly FigureRow[]): ReadonlyMap<string, readonly FigureRow[]> {
  let index = byCluster.get(figures);
  if (!index) {
    index = new Map();
    for (const f of figures) {
      if (f.subject_type !== 'cluster') continue;
      const list = index.get(f.subject_id);
      if (list) list.push(f);
      else index.set(f.subject_id, [f]);
    }
    byCluster.set(figures, index);
  }
  return index;
}

const COMPARATOR_RANK: Record<FigureRow['comparator'], number> = { '=': 0, '~': 1, '>=': 2, '>': 3, range: 4, '<=': 5, '<': 6 };

const isActual = (f: FigureRow) => f.kind === 'actual';

/** Orders candidate figures: legible first, then a point value before an approximate one before a threshold, then the larger bound. */
function strongerFirst(a: FigureRow, b: FigureRow): number {
  const legible = Number(a.value == null) - Number(b.value == null);
  if (legible) return legible;
  const rank = COMPARATOR_RANK[a.comparator] - COMPARATOR_RANK[b.comparator];
  if (rank && (a.comparator === '=' || b.comparator === '=' || a.comparator === '~' || b.comparator === '~')) return rank;
  return (b.value ?? 0) - (a.value ?? 0);
}

/**
 * A cluster's latest actual figure of a metric: the one for the latest year (a figure without a year
 * comes after every dated one); within a year, the whole cluster before its lead industries alone, then
 * the stronger statement. Illegible amounts are never chosen.
 */
export function latestFigure(figures: readonly FigureRow[], clusterId: string, metric: string): FigureRow | null {
  let best: FigureRow | null = null;
  for (const f of figuresOfCluster(figures, clusterId)) {
    if (f.metric !== metric || f.scope !== 'total' || !isActual(f) || f.value == null) continue;
    if (!best || laterFirst(f, best) < 0) best = f;
  }
  return best;
}

const COVERAGE_RANK = (f: FigureRow) => (f.coverage === 'lead-industry' ? 1 : 0);
function laterFirst(a: FigureRow, b: FigureRow): number {
  const ya = a.year ?? -Infinity, yb = b.year ?? -Infinity;
  if (ya !== yb) return yb - ya;
  return COVERAGE_RANK(a) - COVERAGE_RANK(b) || strongerFirst(a, b) || a.id.localeCompare(b.id);
}

/**
 * The figure a cluster shows for a metric and stage. With `latest`, its latest actual figure (above).
 * Otherwise a point value (=) beats an approximate one, which beats a threshold; among thresholds the
 * highest bound is the strongest statement. Scope "each" never applies to a single cluster; illegible
 * amounts have no value and are never chosen to size.
 */
export function figureFor(figures: readonly FigureRow[], clusterId: string, metric: string, stage: ViewStage): FigureRow | null {
  if (stage === 'latest') return latestFigure(figures, clusterId, metric);
  const candidates = figuresOfCluster(figures, clusterId).filter((f) => f.metric === metric && f.stage === stage && f.scope === 'total');
  if (!candidates.length) return null;
  candidates.sort(strongerFirst);
  return candidates[0]!;
}

/** Without a figure for the metric: the latest actual figure of another money metric, the most recent first. */
export function otherFigure(figures: readonly FigureRow[], clusterId: string, money: readonly string[], metric: string): FigureRow | null {
  let best: FigureRow | null = null;
  for (const id of money) {
    if (id === metric) continue;
    const f = latestFigure(figures, clusterId, id);
    if (f && (!best || laterFirst(f, best) < 0)) best = f;
  }
  return best;
}

/**
 * The marks shown for a filter: every mark of its layers, metric and stage (built and ordered once, below),
 * kept when its region and sector are shown. A region or sector filter then costs one pass over the marks,
 * not a figure lookup and a sort per cluster (at 100,000 clusters those took most of a filter's time).
 */
export function clusterMarks(full: Atlas, filter: MapFilter): ClusterMark[] {
  const all = layerMarks(full, layerAtlas(full, filter), filter.metric, filter.stage);
  const regions = new Set<string>(filter.regions);
  const sectors = new Set(filter.sectors);
  return all.filter((m) => regions.has(m.region) && (!sectors.size || sectors.has(m.cluster.sector)));
}

/** Every mark of one layer selection (an atlas from layerAtlas, cached there), by metric and stage. */
const marksOfLayers = new WeakMap<Atlas, Map<string, ClusterMark[]>>();

/**
 * One mark per cluster of the layers that is in a region and has a site, for a metric and stage: larger
 * marks first so that smaller ones stay visible on top, then by id. Built once per layer selection, metric
 * and stage; the marks are never changed once built.
 */
function layerMarks(full: Atlas, atlas: Atlas, metric: string, stage: ViewStage): ClusterMark[] {
  let byView = marksOfLayers.get(atlas);
  if (!byView) marksOfLayers.set(atlas, (byView = new Map()));
  const key = `${metric}|${stage}`;
  const known = byView.get(key);
  if (known) return known;
  const region = new Map(atlas.regions.map((r) => [r.adcode, r.region]));
  const sitesOf = sitesByCluster(atlas.sites);
  const labels = clusterLabels(full);
  const money = full.metrics.filter((m) => m.mappable).map((m) => m.id);
  const out: ClusterMark[] = [];
  for (const c of atlas.clusters) {
    const reg = region.get(c.province_adcode) ?? 'none';
    if (reg === 'none') continue;
    const [anchor, ...others] = sitesOf.get(c.id) ?? [];
    if (!anchor) continue;
    const figure = figureFor(atlas.figures, c.id, metric, stage);
    const other = figure || stage !== 'latest' ? null : otherFigure(atlas.figures, c.id, money, metric);
    out.push({ cluster: c, label: labels.get(c.id)!, region: reg, anchor, others, figure, other, value: figure?.value ?? null, seq: 0 });
  }
  out.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || byCodeUnit(a.cluster.id, b.cluster.id));
  out.forEach((m, i) => (m.seq = i));
  byView.set(key, out);
  return out;
}

/** Which metrics and stages have at least one cluster figure (`latest` for any actual): the rest are offered disabled, with why. */
const availabilityOf = new WeakMap<readonly FigureRow[], Map<string, Set<ViewStage>>>();

export function availability(atlas: Atlas): Map<string, Set<ViewStage>> {
  // Once per figures array: the menus ask again on every view change, with the same layers' atlas.
  const known = availabilityOf.get(atlas.figures);
  if (known) return known;
  const out = new Map<string, Set<ViewStage>>();
  availabilityOf.set(atlas.figures, out);
  for (const f of atlas.figures) {
    if (f.subject_type !== 'cluster' || f.scope !== 'total' || f.value == null) continue;
    const set = out.get(f.metric) ?? new Set<ViewStage>();
    set.add(f.stage);
    if (isActual(f)) set.add('latest');
    out.set(f.metric, set);
  }
  return out;
}
