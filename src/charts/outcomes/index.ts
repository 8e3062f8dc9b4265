/** Planned vs reached: targets beside later outcomes, compared only where metric, scope and year match. */
export { derive, goalsOf, latestFloor, verdict, REASONS, type GoalEntry, type OutcomesSeries, type OutcomesView, type Pair, type Reason, type FigureSummary, type OutcomeGroup, type SubjectName } from './derive.ts';
export { render } from './render.ts';
export { meta, table, describe, goalLine, entryCount } from './meta.ts';
