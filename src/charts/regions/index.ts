/** Regions compared: clusters per region and a figure summed only where it can be added. */
export { derive, type RegionsSeries, type RegionsView, type RegionEntry } from './derive.ts';
export { render, resolveOptions, officialAside, DEFAULTS, type RegionsOptions } from './render.ts';
export { meta, table, describe } from './meta.ts';
