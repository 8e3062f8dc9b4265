/**
 * Regional context: each region's share of the national total of the provincial GDP series, and a growth
 * index (first year = 100). The national total is the sum of the provinces in the series that belong to
 * a region (31: Hong Kong, Macao and Taiwan are not in it). A year with a missing province value has no
 * share or index: never a partial sum.
 */
import type { Atlas, RegionId, SourceRow } from '../../data/schema.ts';
import { REGION_IDS } from '../../data/constants.ts';
import { regionOf, sourcesFor } from '../shared/figures.ts';

export interface ContextRegion {
  region: RegionId;
  provinces: string[];
  /** Sum of the region's provinces, 亿元 at current prices. */
  sum: (number | null)[];
  /** Percent of the national total. */
  share: (number | null)[];
  /** First year = 100. */
  index: (number | null)[];
}

export interface ContextSeries {
  chart: 'context';
  years: number[];
  regions: ContextRegion[];
  national: (number | null)[];
  /** Provinces in the series counted in a region. */
  provinceCount: number;
  /** Adcodes of provinces with a region but no series (the total is over the others). */
  missingProvinces: string[];
  /** Adcodes in the series that belong to no region (left out). */
  outsideRegions: string[];
  /** Years with at least one missing province value (no share or index drawn). */
  incompleteYears: number[];
  unit: string;
  sources: SourceRow[];
}

export function derive(atlas: Atlas): ContextSeries {
  const { years, series, source_id } = atlas.gdp;
  const region = regionOf(atlas);
  const inSeries = Object.keys(series).sort();
  const outsideRegions = inSeries.filter((a) => (region.get(a) ?? 'none') === 'none');
  const counted = inSeries.filter((a) => (region.get(a) ?? 'none') !== 'none');
  const missingProvinces = atlas.regions.filter((r) => r.region !== 'none' && !(r.adcode in series)).map((r) => r.adcode);
  const complete = years.map((_, i) => counted.every((a) => series[a]![i] != null));
  const total = (codes: readonly string[], i: number) => (complete[i] ? codes.reduce((s, a) => s + series[a]![i]!, 0) : null);
  const national = years.map((_, i) => total(counted, i));
  const regions = REGION_IDS.map((r): ContextRegion => {
    const provinces = counted.filter((a) => region.get(a) === r);
    const sum = years.map((_, i) => (provinces.length ? total(provinces, i) : null));
    const base = sum[0] ?? null;
    return {
      region: r,
      provinces,
      sum,
      share: sum.map((v, i) => (v == null || !national[i] ? null : (v / national[i]!) * 100)),
      index: sum.map((v) => (v == null || !base ? null : (v / base) * 100)),
    };
  });
  return {
    chart: 'context',
    years: [...years],
    regions,
    national,
    provinceCount: counted.length,
    missingProvinces,
    outsideRegions,
    incompleteYears: years.filter((_, i) => !complete[i]),
    unit: '\u4EBF\u5143',
    sources: sourcesFor(atlas, [source_id]),
  };
}
