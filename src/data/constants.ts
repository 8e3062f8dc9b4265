/**
 * The fixed vocabularies of Cluster Atlas data, apart from the schemas (schema.ts) so that pages can use
 * them without loading the schema library.
 */
export const ATLAS_VERSION = 3;
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
/**
 * What the map and the ranking show of each cluster: a stage of the plans, or `latest`, each cluster's
 * most recent actual figure (by the year it is for), whatever document states it.
 */
export const VIEW_STAGES = ['latest', ...STAGES] as const;
export type ViewStage = (typeof VIEW_STAGES)[number];
export const YEAR_STATUSES = ['stated', 'confirmed', 'derived', 'illegible', 'none'] as const;
/** What part of a cluster a figure covers: the whole cluster, or its lead industries alone (主导产业). */
export const COVERAGES = ['whole', 'lead-industry'] as const;
export type Coverage = (typeof COVERAGES)[number];
export type RegionId = (typeof REGION_IDS)[number];
export type Grade = (typeof GRADES)[number];
export type Stage = (typeof STAGES)[number];
export type Precision = (typeof PRECISIONS)[number];
export type YearStatus = (typeof YEAR_STATUSES)[number];
