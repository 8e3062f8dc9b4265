/**
 * The d3 charts: one module per chart, each with derive (pure: atlas + view → series), render (series +
 * options + document → SVG), meta (title, subtitle, source, notes) and table (exactly the plotted numbers).
 */
export * as regions from './regions/index.ts';
export * as growth from './growth/index.ts';
export * as ranking from './ranking/index.ts';
export * as sectors from './sectors/index.ts';
export * as context from './context/index.ts';
export type { ChartMeta, ChartTable } from './shared/meta.ts';
export type { BaseOptions } from './shared/options.ts';
export { tx } from './text.ts';
