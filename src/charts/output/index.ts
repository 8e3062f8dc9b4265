/** Output by region for one year: sums of the point values found, clusters counted, official totals beside them. */
export { derive, type OutputSeries, type OutputView, type OutputEntry } from './derive.ts';
export { render, shareAside } from './render.ts';
export { meta, table, describe } from './meta.ts';
