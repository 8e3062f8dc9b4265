/**
 * The list's row order. Sorting 100,000 rows by name with a collator takes tens of milliseconds on every
 * filter; a filter only removes rows, so the order of the whole set, once made, is filtered instead.
 */

/** An order made for one sort (its key), kept to serve the subsets that follow. */
export interface RowOrder<T> {
  key: string;
  rows: readonly T[];
  /** Each row's position in `rows`, made on the first filter of this order. */
  at?: Map<T, number>;
}

/**
 * `items` in the order `compare` gives (a stable sort), and the order to keep for the next call. When the
 * last kept order is of the same key and holds every item, it is filtered (linear) rather than sorted
 * again. Same result as a sort as long as the items come in the same relative order as the items of the
 * kept order did (a filter of one array keeps it), since ties then keep that order in both ways.
 */
export function orderRows<T>(items: readonly T[], key: string, compare: (a: T, b: T) => number, kept: RowOrder<T> | null): { rows: T[]; kept: RowOrder<T> } {
  if (kept && kept.key === key && kept.rows.length >= items.length) {
    const rows = subset(kept, items);
    if (rows) return { rows, kept };
  }
  const rows = [...items].sort(compare);
  return { rows, kept: { key, rows } };
}

/** The kept rows that are among `items`, in the kept order; null when some item is not a kept row. */
function subset<T>(kept: RowOrder<T>, items: readonly T[]): T[] | null {
  const at = (kept.at ??= new Map(kept.rows.map((row, i) => [row, i])));
  const wanted = new Uint8Array(kept.rows.length);
  for (const item of items) {
    const i = at.get(item);
    if (i === undefined) return null;
    wanted[i] = 1;
  }
  const rows: T[] = [];
  for (let i = 0; i < wanted.length; i++) if (wanted[i]) rows.push(kept.rows[i]!);
  return rows.length === items.length ? rows : null;
}
