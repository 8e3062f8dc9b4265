/**
 * Layers: which programmes (national lists, local plans) and which batches a view shows. A view's atlas
 * is the full atlas narrowed to them, so that the map, the list and every chart read one dataset and no
 * module downstream asks where a cluster came from. Figures from low-grade sources are left out unless
 * the view asks for them (and even then they are never summed: see charts/shared/figures.ts).
 */
import type { Atlas, BatchRow, ClusterRow, Grade, ProgrammeRow, RegionId } from './schema.ts';
import { REGION_IDS } from './constants.ts';

export interface LayerFilter {
  /** Programme ids; null = those the data marks default_on. */
  layers?: readonly string[] | null;
  /** Only batches placed at or before this year (undated batches only when null). */
  until?: number | null;
  /** Include figures from low-grade sources. */
  low?: boolean;
}

export function defaultLayers(atlas: Pick<Atlas, 'programmes'>): string[] {
  return atlas.programmes.filter((p) => p.default_on).map((p) => p.id);
}

export function activeLayers(atlas: Pick<Atlas, 'programmes'>, f: LayerFilter): string[] {
  const known = new Set(atlas.programmes.map((p) => p.id));
  return (f.layers ?? defaultLayers(atlas)).filter((l) => known.has(l));
}

/** The batches a view shows. */
export function activeBatches(atlas: Pick<Atlas, 'programmes' | 'batches'>, f: LayerFilter): BatchRow[] {
  const layers = new Set(activeLayers(atlas, f));
  const until = f.until ?? null;
  return atlas.batches.filter((b) => layers.has(b.programme) && (until == null || (b.year != null && b.year <= until)));
}

const cache = new WeakMap<Atlas, Map<string, Atlas>>();

/** The atlas narrowed to a view's layers, batches and grades. Memoised per atlas and filter. */
export function layerAtlas(atlas: Atlas, f: LayerFilter): Atlas {
  const batches = activeBatches(atlas, f);
  const key = `${batches.map((b) => b.id).join(',')}|${f.low ? 1 : 0}`;
  let byKey = cache.get(atlas);
  if (!byKey) cache.set(atlas, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const keep = new Set(batches.map((b) => b.id));
  const grade = new Map(atlas.sources.map((s) => [s.id, s.grade]));
  // A cluster confirmed only by a low-grade source is hidden like a low-grade figure.
  const clusters = atlas.clusters.filter((c) => keep.has(c.batch) && (f.low || grade.get(c.source_id) !== 'low'));
  const ids = new Set(clusters.map((c) => c.id));
  // A table the filter leaves whole stays the very same array, so that what is indexed by array (a
  // cluster's figures, its sites: marks.ts, names.ts) is indexed once for both.
  const same = <T>(all: readonly T[], kept: T[]): T[] => (kept.length === all.length ? (all as T[]) : kept);
  const out: Atlas = {
    ...atlas,
    batches,
    clusters: same(atlas.clusters, clusters),
    sites: same(atlas.sites, atlas.sites.filter((s) => ids.has(s.cluster_id))),
    groups: same(atlas.groups, atlas.groups.filter((g) => keep.has(g.batch))),
    figures: same(atlas.figures, atlas.figures.filter((x) => keep.has(x.batch) && (f.low || grade.get(x.source_id) !== 'low'))),
  };
  byKey.set(key, out);
  return out;
}

/** The distinct years the view's dated batches are placed at: the steps of the time control. */
export function batchYears(atlas: Pick<Atlas, 'programmes' | 'batches'>, f: LayerFilter): number[] {
  const years = activeBatches(atlas, { ...f, until: null })
    .map((b) => b.year)
    .filter((y): y is number => y != null);
  return [...new Set(years)].sort((a, b) => a - b);
}

export interface Completeness {
  batch: BatchRow;
  programme: ProgrammeRow;
  /** Rows found: the batch's clusters in the data, sub-clusters and low-grade rows not counted. */
  found: number;
  /** Rows confirmed only by low-grade sources (hidden by default, not in `found`). */
  lowOnly: number;
  official: number | null;
  /** found / official, or null where the issuer states no count. */
  ratio: number | null;
  byRegion: Record<RegionId, number>;
}

const isTopLevel = (c: ClusterRow) => c.status !== 'sub-cluster';

/** How complete each batch's list is: rows found against the official count, with why (data). */
export function completeness(atlas: Atlas): Completeness[] {
  // Once per atlas (its tables never change once built): the layer controls ask on every view change.
  const known = completenessOf.get(atlas);
  if (known) return known;
  const region = new Map(atlas.regions.map((r) => [r.adcode, r.region]));
  const programmes = new Map(atlas.programmes.map((p) => [p.id, p]));
  const low = new Set(atlas.sources.filter((s) => s.grade === 'low').map((s) => s.id));
  const count = new Map(atlas.batches.map((b) => [b.id, { found: 0, lowOnly: 0, byRegion: Object.fromEntries(REGION_IDS.map((r) => [r, 0])) as Record<RegionId, number> }]));
  // One pass over the clusters, not one per batch.
  for (const c of atlas.clusters) {
    const n = count.get(c.batch);
    if (!n || !isTopLevel(c)) continue;
    if (low.has(c.source_id)) {
      n.lowOnly++;
      continue;
    }
    n.found++;
    const r = region.get(c.province_adcode);
    if (r && r !== 'none') n.byRegion[r]++;
  }
  const out = atlas.batches.map((batch) => {
    const { found, lowOnly, byRegion } = count.get(batch.id)!;
    const official = batch.official_count;
    return { batch, programme: programmes.get(batch.programme)!, found, lowOnly, official, ratio: official ? found / official : null, byRegion };
  });
  completenessOf.set(atlas, out);
  return out;
}
const completenessOf = new WeakMap<Atlas, Completeness[]>();

export function gradeOf(atlas: Pick<Atlas, 'sources'>, sourceId: string): Grade | null {
  return atlas.sources.find((s) => s.id === sourceId)?.grade ?? null;
}

export interface ProgrammeTotal {
  programme: ProgrammeRow;
  /** Rows found in the batches in view. */
  found: number;
  /** The official total for those batches: the latest stated cumulative count, else the sum of every batch's own count; null when not stated. */
  official: number | null;
  /** The batch whose statement gives `official` (the latest in view). */
  asOf: BatchRow | null;
}

/** Per programme: rows found against the official total, up to the view's year. */
export function programmeTotals(atlas: Atlas, f: Pick<LayerFilter, 'until'>): ProgrammeTotal[] {
  const comp = completeness(atlas);
  return atlas.programmes.map((programme) => {
    const batches = comp.filter((c) => c.programme.id === programme.id && (f.until == null || (c.batch.year != null && c.batch.year <= f.until)));
    const found = batches.reduce((n, c) => n + c.found, 0);
    const last = batches[batches.length - 1]?.batch ?? null;
    let official: number | null = null;
    if (last?.cumulative_count != null) official = last.cumulative_count;
    else if (batches.length && batches.every((c) => c.official != null)) official = batches.reduce((n, c) => n + c.official!, 0);
    return { programme, found, official, asOf: last };
  });
}
