/** Cluster ranking: the filtered clusters by their figure, thresholds hatched, no figure last. */
export { derive, type RankingSeries, type RankingView, type RankRow } from './derive.ts';
export { render, resolveOptions, DEFAULTS, type RankingOptions } from './render.ts';
export { meta, table, describe, valueText } from './meta.ts';
