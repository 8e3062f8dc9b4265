/** Clusters by region, batch by batch: official counts where stated, rows found otherwise. */
export { derive, type BatchesSeries, type BatchStep, type ProgrammeSteps } from './derive.ts';
export { render } from './render.ts';
export { meta, table, describe } from './meta.ts';
