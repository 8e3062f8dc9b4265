/** The map extent a slide is about: the bounds of its regions' provinces, or all of China. */
import { geoBounds } from 'd3-geo';
import type { BaseGeometry } from '../map/geo.ts';
import { CHINA_BOUNDS } from '../map/geo.ts';
import { REGION_IDS, type RegionId } from '../data/constants.ts';

export type Bounds = [[number, number], [number, number]];

/** True when the view shows every region: the national map. */
export function isNational(regions: readonly RegionId[]): boolean {
  return REGION_IDS.every((r) => regions.includes(r));
}

export function regionBounds(geo: BaseGeometry, regions: readonly RegionId[]): Bounds {
  if (isNational(regions)) return CHINA_BOUNDS;
  const features = geo.provinces.features.filter((f) => (regions as readonly string[]).includes(f.properties.region));
  if (!features.length) return CHINA_BOUNDS;
  const [[w, s], [e, n]] = geoBounds({ type: 'FeatureCollection', features });
  // Below Hainan the main map stops (the South China Sea is in the inset).
  return [
    [w, Math.max(s, CHINA_BOUNDS[0][1])],
    [e, n],
  ];
}
