/** Pure selectors over the typed Atlas. */
import type { Atlas, RegionId } from './schema.ts';

export type ProvinceRegion = RegionId | 'none';

export function regionOfProvince(atlas: Atlas): Map<string, ProvinceRegion> {
  return new Map(atlas.regions.map((r) => [r.adcode, r.region]));
}

/** Clusters per region, counted by the province of each cluster (sub-clusters included). */
const countsByAtlas = new WeakMap<Atlas, Readonly<Record<ProvinceRegion, number>>>();

/** Clusters per region; counted once per atlas (a layer selection's atlas is cached and never changed, and a filter of regions or sectors leaves it as it was). */
export function clusterCountByRegion(atlas: Atlas): Readonly<Record<ProvinceRegion, number>> {
  const known = countsByAtlas.get(atlas);
  if (known) return known;
  const reg = regionOfProvince(atlas);
  const out: Record<ProvinceRegion, number> = { east: 0, central: 0, west: 0, northeast: 0, none: 0 };
  for (const c of atlas.clusters) out[reg.get(c.province_adcode) ?? 'none']++;
  countsByAtlas.set(atlas, out);
  return out;
}

export function provinceCountByRegion(atlas: Atlas): Record<ProvinceRegion, number> {
  const out: Record<ProvinceRegion, number> = { east: 0, central: 0, west: 0, northeast: 0, none: 0 };
  for (const r of atlas.regions) out[r.region]++;
  return out;
}
