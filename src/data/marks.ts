/**
 * What the map draws, derived purely from the data and the view: one mark per cluster at its anchor
 * (the first site its document names), sized by the chosen figure, plus the cluster's other sites.
 */
import type { Atlas, ClusterRow, FigureRow, SiteRow, Stage, RegionId } from './schema.ts';
import type { ProvinceRegion } from './selectors.ts';
import { layerAtlas, type LayerFilter } from './layers.ts';
import { clusterLabels, type ClusterLabel } from './names.ts';

export interface MapFilter extends LayerFilter {
  regions: readonly RegionId[];
  /** Sector ids shown; empty = all. */
  sectors: readonly string[];
  metric: string;
  stage: Stage;
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
  /** The value that sizes the mark: a point value or a threshold's bound; null without a figure. */
  value: number | null;
}

const byCluster = new WeakMap<readonly FigureRow[], Map<string, FigureRow[]>>();

/**
 * The figures about one cluster, from an index built once per figures array (a scan of every figure per
 * cluster made the map's marks O(clusters × figures): 18 s for 10,000 clusters). The arrays are never
 * changed after they are built.
 */
export function figuresOfCluster(figures: readonly FigureRow[], clusterId: string): readonly FigureRow[] {
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
  return index.get(clusterId) ?? [];
}

const COMPARATOR_RANK: Record<FigureRow['comparator'], number> = { '=': 0, '~': 1, '>=': 2, '>': 3, range: 4, '<=': 5, '<': 6 };

/**
 * The figure a cluster shows for a metric and stage. A point value (=) beats an approximate one, which
 * beats a threshold; among thresholds the highest bound is the strongest statement. Scope "each"
 * never applies to a single cluster; illegible amounts have no value and are never chosen to size.
 */
export function figureFor(figures: readonly FigureRow[], clusterId: string, metric: string, stage: Stage): FigureRow | null {
  const candidates = figuresOfCluster(figures, clusterId).filter((f) => f.metric === metric && f.stage === stage && f.scope === 'total');
  if (!candidates.length) return null;
  candidates.sort((a, b) => {
    const legible = Number(a.value == null) - Number(b.value == null);
    if (legible) return legible;
    const rank = COMPARATOR_RANK[a.comparator] - COMPARATOR_RANK[b.comparator];
    if (rank && (a.comparator === '=' || b.comparator === '=' || a.comparator === '~' || b.comparator === '~')) return rank;
    return (b.value ?? 0) - (a.value ?? 0);
  });
  return candidates[0]!;
}

export function clusterMarks(full: Atlas, filter: MapFilter): ClusterMark[] {
  const atlas = layerAtlas(full, filter);
  const region = new Map(atlas.regions.map((r) => [r.adcode, r.region]));
  const sitesOf = new Map<string, SiteRow[]>();
  for (const s of atlas.sites) {
    const list = sitesOf.get(s.cluster_id) ?? [];
    list.push(s);
    sitesOf.set(s.cluster_id, list);
  }
  const labels = clusterLabels(full);
  const out: ClusterMark[] = [];
  for (const c of atlas.clusters) {
    const reg = region.get(c.province_adcode) ?? 'none';
    if (reg === 'none' || !filter.regions.includes(reg)) continue;
    if (filter.sectors.length && !filter.sectors.includes(c.sector)) continue;
    const sites = (sitesOf.get(c.id) ?? []).slice().sort((a, b) => siteOrder(a.id) - siteOrder(b.id) || a.id.localeCompare(b.id));
    const [anchor, ...others] = sites;
    if (!anchor) continue;
    const figure = figureFor(atlas.figures, c.id, filter.metric, filter.stage);
    out.push({ cluster: c, label: labels.get(c.id)!, region: reg, anchor, others, figure, value: figure?.value ?? null });
  }
  // Larger marks first so that smaller ones stay visible on top.
  return out.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.cluster.id.localeCompare(b.cluster.id));
}

/** Site ids end in -s1, -s2 …: the document's order. */
function siteOrder(id: string): number {
  const m = /-s(\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/** Which metrics and stages have at least one cluster figure: the rest are offered disabled, with why. */
export function availability(atlas: Atlas): Map<string, Set<Stage>> {
  const out = new Map<string, Set<Stage>>();
  for (const f of atlas.figures) {
    if (f.subject_type !== 'cluster' || f.scope !== 'total' || f.value == null) continue;
    const set = out.get(f.metric) ?? new Set<Stage>();
    set.add(f.stage);
    out.set(f.metric, set);
  }
  return out;
}
