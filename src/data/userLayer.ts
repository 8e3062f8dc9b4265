/**
 * A user's own table as a layer of the atlas: one programme (`user`), one batch and one source row (the
 * user's source line and grade), and its clusters, sites and figures in the atlas's own row schemas. The
 * map, list, panel, charts and slides read it like any other layer; nothing downstream asks where a
 * cluster came from. "beside" keeps the atlas's default layers on; "replace" shows only the user's.
 *
 * The payload is plain JSON (serializeUserLayer) so that it can be kept in IndexedDB, embedded in the
 * offline edition and read back with applyUserLayer, which validates it again with the same schemas.
 */
import { USER_LAYER } from './userLayerState.ts';
import { userLayerPayload, type UserLayerPayload } from './userLayerSchema.ts';
import type { Atlas } from './schema.ts';

export { USER_LAYER, currentUserLayer, setCurrentUserLayer, serializeUserLayer, mapSourceLine } from './userLayerState.ts';
export type { UserLayerPayload } from './userLayerSchema.ts';

/** Parse a payload (from storage, a file or the offline edition); null with why when it is not one. */
export function parseUserLayer(json: unknown): { payload: UserLayerPayload } | { error: string } {
  const parsed = userLayerPayload.safeParse(json);
  if (parsed.success) return { payload: parsed.data };
  const first = parsed.error.issues[0];
  return { error: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'not a user layer' };
}

/**
 * The atlas with the user layer merged (pure; the atlas passed in is not changed). Any earlier user
 * layer is replaced. Rows that do not fit this atlas (an id the atlas already uses, an unknown sector,
 * metric or province, a row of another batch) are left out rather than trusted.
 */
export function applyUserLayer(atlas: Atlas, input: UserLayerPayload | unknown): Atlas {
  const parsed = parseUserLayer(input);
  if (!('payload' in parsed)) return atlas;
  const p = parsed.payload;
  const isUser = (r: { batch: string }) => r.batch === USER_LAYER;
  const earlier = new Set(atlas.clusters.filter(isUser).map((c) => c.id));
  const base = {
    programmes: atlas.programmes.filter((x) => x.id !== USER_LAYER),
    batches: atlas.batches.filter((x) => x.id !== USER_LAYER),
    sources: atlas.sources.filter((x) => x.id !== USER_LAYER),
    clusters: atlas.clusters.filter((x) => !isUser(x)),
    sites: atlas.sites.filter((x) => !earlier.has(x.cluster_id)),
    figures: atlas.figures.filter((x) => !isUser(x)),
  };
  const taken = new Set([...base.clusters.map((c) => c.id), ...base.sites.map((s) => s.id), ...base.figures.map((f) => f.id)]);
  const sectors = new Set(atlas.sectors.map((s) => s.id));
  const metrics = new Set(atlas.metrics.map((m) => m.id));
  const provinces = new Set(atlas.regions.map((r) => r.adcode));
  const ours = (r: { batch: string; source_id: string; id: string }) => r.batch === USER_LAYER && r.source_id === USER_LAYER && r.id.startsWith('u-') && !taken.has(r.id);
  const clusters = p.clusters.filter((c) => ours(c) && sectors.has(c.sector) && provinces.has(c.province_adcode));
  const ids = new Set(clusters.map((c) => c.id));
  const sites = p.sites.filter((s) => ids.has(s.cluster_id) && s.source_id === USER_LAYER && s.id.startsWith('u-') && !taken.has(s.id));
  const figures = p.figures.filter((f) => ours(f) && f.subject_type === 'cluster' && ids.has(f.subject_id) && metrics.has(f.metric));
  const programme = { ...p.programme, id: USER_LAYER, default_on: true };
  const programmes = p.mode === 'replace' ? base.programmes.map((x) => ({ ...x, default_on: false })) : base.programmes;
  return {
    ...atlas,
    programmes: [...programmes, programme],
    batches: [...base.batches, { ...p.batch, id: USER_LAYER, programme: USER_LAYER, source_id: USER_LAYER }],
    sources: [...base.sources, { ...p.source, id: USER_LAYER }],
    clusters: [...base.clusters, ...clusters],
    sites: [...base.sites, ...sites],
    figures: [...base.figures, ...figures],
  };
}
