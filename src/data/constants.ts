/**
 * The fixed vocabularies of Cluster Atlas data, apart from the schemas (schema.ts) so that pages can use
 * them without loading the schema library.
 */
export const ATLAS_VERSION = 2;
export const REGION_IDS = ['east', 'central', 'west', 'northeast'] as const;
/**
 * How far a source can be trusted: the issuer's own publication, the original outlet's text, a copy of
 * it elsewhere (the outlet named), or an aggregator / machine-written / spam page. `low` is never shown
 * by default and never summed.
 */
export const GRADES = ['official', 'press', 'reprint', 'low'] as const;
export const PRECISIONS = ['park', 'county', 'prefecture', 'province'] as const;
export const COMPARATORS = ['=', '>=', '>', '<=', '<', '~', 'range'] as const;
/** baseline: the state a document reports at its date; target-n: its targets in order; outcome: what was reached later, reported elsewhere. */
export const STAGES = ['baseline', 'target-1', 'target-2', 'target-3', 'outcome'] as const;
/** The stages of a plan, in order: what the planned-growth chart places. */
export const PLAN_STAGES = ['baseline', 'target-1', 'target-2', 'target-3'] as const;
export const YEAR_STATUSES = ['stated', 'confirmed', 'derived', 'illegible', 'none'] as const;
export type RegionId = (typeof REGION_IDS)[number];
export type Grade = (typeof GRADES)[number];
export type Stage = (typeof STAGES)[number];
export type Precision = (typeof PRECISIONS)[number];
export type YearStatus = (typeof YEAR_STATUSES)[number];
