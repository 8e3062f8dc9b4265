/** Sector mix: clusters per sector within each region, stacked. */
export { derive, type SectorsSeries, type SectorsView } from './derive.ts';
export { render, resolveOptions, DEFAULTS, type SectorsOptions } from './render.ts';
export { meta, table, describe } from './meta.ts';
