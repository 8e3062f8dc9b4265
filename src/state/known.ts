/** The ids a view may name, checked once the data is in (every page, the deck validation). */
import type { Atlas } from '../data/schema.ts';

export interface KnownIds {
  sectors: ReadonlySet<string>;
  metrics: ReadonlySet<string>;
  clusters: ReadonlySet<string>;
  programmes: ReadonlySet<string>;
  subjects: ReadonlySet<string>;
}

/** The ids a view may name, as the pages check them (metrics: those that can size the map). */
export function knownIds(atlas: Atlas): KnownIds {
  return {
    sectors: new Set(atlas.sectors.map((s) => s.id)),
    metrics: new Set(atlas.metrics.filter((m) => m.mappable).map((m) => m.id)),
    clusters: new Set(atlas.clusters.map((c) => c.id)),
    programmes: new Set(atlas.programmes.map((p) => p.id)),
    subjects: new Set([...atlas.clusters.map((c) => c.id), ...atlas.groups.map((g) => g.id), ...atlas.regions.map((r) => r.adcode), 'east', 'central', 'west', 'northeast', 'CN']),
  };
}

