/**
 * The list's row order. Sorting 100,000 rows by name with a collator takes tens of milliseconds on every
 * filter; a filter only removes rows, so the order of the whole set, once made, is filtered instead.
 */

/** An order made for one sort (its key), kept to serve the subsets that follow. */
export interface RowOrder<T> {
  key: string;
  rows: readonly T[];
  /** Each row's position in `rows` by its sequence number (-1: none), made on the first filter of this order. */
  at?: Int32Array;
}

/**
 * A row's sequence number: a small non-negative integer, distinct among the rows of one order. Positions are
 * looked up by it in a typed array (a Map keyed by 100,000 row objects took 25 ms per filter); a row found
 * there must also be the very object kept, so rows of another set that share numbers are never served.
 */
export type RowSeq<T> = (row: T) => number;

/**
 * `items` in the order `compare` gives (a stable sort), and the order to keep for the next call. When the
 * last kept order is of the same key and holds every item, it is filtered (linear) rather than sorted
 * again. Same result as a sort as long as the items come in the same relative order as the items of the
 * kept order did (a filter of one array keeps it), since ties then keep that order in both ways.
 */
export function orderRows<T>(items: readonly T[], key: string, compare: (a: T, b: T) => number, kept: RowOrder<T> | null, seq: RowSeq<T>): { rows: T[]; kept: RowOrder<T> } {
  if (kept && kept.key === key && kept.rows.length >= items.length) {
    const rows = subset(kept, items, seq);
    if (rows) return { rows, kept };
  }
  const rows = [...items].sort(compare);
  return { rows, kept: { key, rows } };
}

/** The kept rows that are among `items`, in the kept order; null when some item is not a kept row. */
function subset<T>(kept: RowOrder<T>, items: readonly T[], seq: RowSeq<T>): T[] | null {
  const at = (kept.at ??= positions(kept.rows, seq));
  const wanted = new Uint8Array(kept.rows.length);
  for (const item of items) {
    const i = at[seq(item)] ?? -1;
    if (i < 0 || kept.rows[i] !== item) return null;
    wanted[i] = 1;
  }
  const rows: T[] = [];
  for (let i = 0; i < wanted.length; i++) if (wanted[i]) rows.push(kept.rows[i]!);
  return rows.length === items.length ? rows : null;
}

/** Each row's position by its sequence number; a number out of range is left out (its row is then never served). */
function positions<T>(rows: readonly T[], seq: RowSeq<T>): Int32Array {
  let max = -1;
  for (const row of rows) max = Math.max(max, seq(row));
  const at = new Int32Array(Number.isSafeInteger(max) ? max + 1 : 0).fill(-1);
  rows.forEach((row, i) => {
    const s = seq(row);
    if (Number.isInteger(s) && s >= 0) at[s] = i;
  });
  return at;
}
