/** Lookups the UI needs over the typed Atlas, built once after load. */
import type { Atlas, ClusterRow, MetricRow, SectorRow, SiteRow, SourceRow, RegionRow, FigureRow } from '../data/schema.ts';
import { pick, type Lang } from '../i18n/index.ts';
import { clusterFigureIndex } from '../data/marks.ts';

export interface AtlasContext {
  atlas: Atlas;
  clusters: Map<string, ClusterRow>;
  sectors: Map<string, SectorRow>;
  metrics: Map<string, MetricRow>;
  sources: Map<string, SourceRow>;
  provinces: Map<string, RegionRow>;
  sitesOf: Map<string, SiteRow[]>;
  figuresOf: ReadonlyMap<string, readonly FigureRow[]>;
}

export function atlasContext(atlas: Atlas): AtlasContext {
  const sitesOf = new Map<string, SiteRow[]>();
  for (const s of atlas.sites) {
    const list = sitesOf.get(s.cluster_id);
    if (list) list.push(s);
    else sitesOf.set(s.cluster_id, [s]);
  }
  return {
    atlas,
    clusters: new Map(atlas.clusters.map((c) => [c.id, c])),
    sectors: new Map(atlas.sectors.map((s) => [s.id, s])),
    metrics: new Map(atlas.metrics.map((m) => [m.id, m])),
    sources: new Map(atlas.sources.map((s) => [s.id, s])),
    provinces: new Map(atlas.regions.map((r) => [r.adcode, r])),
    sitesOf,
    // The marks' index of the same figures (built once per figures array): one index, not two.
    figuresOf: clusterFigureIndex(atlas.figures),
  };
}

export const name = (row: { name_zh: string; name_en: string }, lang: Lang) => pick(row, 'name', lang);
