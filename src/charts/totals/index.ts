/** National totals over time: each programme's stated totals, one small plot per series. */
export { derive, type TotalsSeries, type TotalsPanel } from './derive.ts';
export { render } from './render.ts';
export { meta, table, describe } from './meta.ts';
