/** Sector mix: clusters per sector within each region, sectors in data order with their colours. */
import type { Atlas, RegionId, SourceRow } from '../../data/schema.ts';
import { REGION_IDS } from '../../data/constants.ts';
import { sectorColors } from '../../theme/palette.ts';
import { regionOf, sourcesFor } from '../shared/figures.ts';

export interface SectorsView {
  /** Regions shown, in the fixed east–central–west–northeast order; default all four. */
  regions?: readonly RegionId[];
}

export interface SectorsSeries {
  chart: 'sectors';
  sectors: { id: string; name_zh: string; name_en: string; color: string }[];
  /** counts[i] is the number of clusters of sectors[i]. */
  regions: { region: RegionId; total: number; counts: number[] }[];
  sources: SourceRow[];
}

export function derive(atlas: Atlas, view: SectorsView = {}): SectorsSeries {
  const want = view.regions ?? REGION_IDS;
  for (const r of want) if (!(REGION_IDS as readonly string[]).includes(r)) throw new Error(`sectors: unknown region "${r}"`);
  const colors = sectorColors(atlas.sectors.map((s) => s.id));
  const sectors = atlas.sectors.map((s) => ({ id: s.id, name_zh: s.name_zh, name_en: s.name_en, color: colors.get(s.id)! }));
  const index = new Map(sectors.map((s, i) => [s.id, i]));
  const region = regionOf(atlas);
  const sourceIds = new Set<string>();
  const regions = REGION_IDS.filter((r) => want.includes(r)).map((r) => {
    const counts = sectors.map(() => 0);
    let total = 0;
    for (const c of atlas.clusters) {
      if (region.get(c.province_adcode) !== r) continue;
      const i = index.get(c.sector);
      if (i === undefined) throw new Error(`sectors: cluster ${c.id} has unknown sector "${c.sector}"`);
      counts[i]!++;
      total++;
      sourceIds.add(c.source_id);
    }
    return { region: r, total, counts };
  });
  return { chart: 'sectors', sectors, regions, sources: sourcesFor(atlas, sourceIds) };
}
