import { describe, expect, it } from 'vitest';
import { orderRows, type RowOrder } from './listOrder.ts';

type Row = { id: string; v: number };
const all: Row[] = [
  { id: 'a', v: 3 },
  { id: 'b', v: 1 },
  { id: 'c', v: 3 },
  { id: 'd', v: 2 },
  { id: 'e', v: 1 },
];
const byV = (a: Row, b: Row) => a.v - b.v;
/** Sequence numbers from the id ('a' → 0): copies of a row share its number. */
const seq = (r: Row) => r.id.charCodeAt(0) - 97;
const ids = (rows: readonly Row[]) => rows.map((r) => r.id).join('');
const counting = () => {
  const c = { calls: 0, compare: (a: Row, b: Row) => (c.calls++, byV(a, b)) };
  return c;
};

describe('orderRows', () => {
  it('sorts stably the first time and keeps that order', () => {
    const { rows, kept } = orderRows(all, 'v', byV, null, seq);
    expect(ids(rows)).toBe('bedac');
    expect(kept.key).toBe('v');
    expect(ids(kept.rows)).toBe('bedac');
  });

  it('serves a filter of the same items from the kept order without comparing, as a fresh sort would order them', () => {
    const { kept } = orderRows(all, 'v', byV, null, seq);
    const subset = all.filter((r) => r.id !== 'b' && r.id !== 'd');
    const c = counting();
    const served = orderRows(subset, 'v', c.compare, kept, seq);
    expect(c.calls).toBe(0);
    expect(ids(served.rows)).toBe(ids([...subset].sort(byV)));
    expect(served.kept).toBe(kept); // the whole order stays for the next filter
  });

  it('sorts again for another key, or when an item is not in the kept order', () => {
    const { kept } = orderRows(all.slice(0, 3), 'v', byV, null, seq);
    const c = counting();
    const wider = orderRows(all, 'v', c.compare, kept, seq);
    expect(c.calls).toBeGreaterThan(0);
    expect(ids(wider.rows)).toBe('bedac');
    expect(wider.kept.rows.length).toBe(5);
    const desc = orderRows(all, '-v', (a, b) => b.v - a.v, wider.kept, seq);
    expect(ids(desc.rows)).toBe('acdbe');
    expect(desc.kept.key).toBe('-v');
  });

  it('sorts again when an item has a sequence number the kept order does not hold', () => {
    const { kept } = orderRows(all, 'v', byV, null, seq);
    const stranger = { id: 'z', v: 0 };
    const c = counting();
    const out = orderRows([all[0]!, stranger], 'v', c.compare, kept, seq);
    expect(c.calls).toBeGreaterThan(0);
    expect(ids(out.rows)).toBe('za');
  });

  it('does not serve items that are new objects with the same content', () => {
    const kept: RowOrder<Row> = { key: 'v', rows: [...all].sort(byV) };
    const copies = all.map((r) => ({ ...r }));
    const out = orderRows(copies, 'v', byV, kept, seq);
    expect(out.rows.every((r) => copies.includes(r))).toBe(true);
    expect(out.kept.rows).not.toBe(kept.rows);
  });
});
