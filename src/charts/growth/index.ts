/** Planned growth: a subject's figures by stage, stated totals beside the sum of their parts. */
export { derive, resolveSubject, stageYear, type GrowthSeries, type GrowthView, type GrowthPoint, type MemberSum, type Subject } from './derive.ts';
export { render, resolveOptions, DEFAULTS, type GrowthOptions } from './render.ts';
export { meta, table, describe, subjectName, yearText } from './meta.ts';
