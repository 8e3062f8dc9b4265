/** The metric the output and growth charts use for a view. */
import type { Atlas } from '../../data/schema.ts';

/** The view's metric when it is a money metric (it sizes marks), else output: the growth and output charts sum money only. */
export function moneyMetric(atlas: Pick<Atlas, 'metrics'>, id: string): string {
  return atlas.metrics.find((m) => m.id === id)?.mappable ? id : 'output';
}

