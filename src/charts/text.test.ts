import { describe, it, expect } from 'vitest';
import { tx, txn } from './text.ts';

describe('chart strings', () => {
  it('come from the site catalogue, with the singular where there is one', () => {
    expect(tx('en', 'region.west')).toBe('West');
    expect(txn('en', 'chart.reason.range', 1)).toBe('1 range');
    expect(txn('en', 'chart.reason.range', 2)).toBe('2 ranges');
  });
});
