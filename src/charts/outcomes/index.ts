/** Planned vs reached: targets beside later outcomes, compared only where metric, scope and year match. */
export { derive, verdict, type OutcomesSeries, type Pair, type Reason } from './derive.ts';
export { render } from './render.ts';
export { meta, table, describe } from './meta.ts';
