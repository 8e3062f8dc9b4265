/** Lookups the UI needs over the typed Atlas, built once after load. */
import type { Atlas, ClusterRow, MetricRow, SectorRow, SiteRow, SourceRow, RegionRow, FigureRow } from '../data/schema.ts';
import { pick, type Lang } from '../i18n/index.ts';

export interface AtlasContext {
  atlas: Atlas;
  clusters: Map<string, ClusterRow>;
  sectors: Map<string, SectorRow>;
  metrics: Map<string, MetricRow>;
  sources: Map<string, SourceRow>;
  provinces: Map<string, RegionRow>;
  sitesOf: Map<string, SiteRow[]>;
  figuresOf: Map<string, FigureRow[]>;
}

export function atlasContext(atlas: Atlas): AtlasContext {
  const sitesOf = new Map<string, SiteRow[]>();
  for (const s of atlas.sites) sitesOf.set(s.cluster_id, [...(sitesOf.get(s.cluster_id) ?? []), s]);
  const figuresOf = new Map<string, FigureRow[]>();
  for (const f of atlas.figures) if (f.subject_type === 'cluster') figuresOf.set(f.subject_id, [...(figuresOf.get(f.subject_id) ?? []), f]);
  return {
    atlas,
    clusters: new Map(atlas.clusters.map((c) => [c.id, c])),
    sectors: new Map(atlas.sectors.map((s) => [s.id, s])),
    metrics: new Map(atlas.metrics.map((m) => [m.id, m])),
    sources: new Map(atlas.sources.map((s) => [s.id, s])),
    provinces: new Map(atlas.regions.map((r) => [r.adcode, r])),
    sitesOf,
    figuresOf,
  };
}

export const name = (row: { name_zh: string; name_en: string }, lang: Lang) => pick(row, 'name', lang);
