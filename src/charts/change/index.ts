/** Cluster growth: average yearly growth per cluster between two actual point values, the goal's pace beside it, medians by region. */
export { derive, type ChangeSeries, type ChangeRow, type ChangeView } from './derive.ts';
export { render, changeAside } from './render.ts';
export { meta, table, describe } from './meta.ts';
