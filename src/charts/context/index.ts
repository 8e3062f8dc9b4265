/** Regional context 1992–2020: shares of national GDP by region and a growth index, from the NBS series. */
export { derive, type ContextSeries, type ContextRegion } from './derive.ts';
export { render, resolveOptions, DEFAULTS, type ContextOptions, type ContextMode } from './render.ts';
export { meta, table, describe } from './meta.ts';
