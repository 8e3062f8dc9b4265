import { describe, it, expect } from 'vitest';
import { PickIndex, PICK_SLOP, type PickTarget } from './pick.ts';

const t = (id: string, x: number, y: number, r: number, kind: PickTarget['kind'] = 'mark'): PickTarget => ({ kind, id, x, y, r });

describe('CPU picking', () => {
  it('finds the mark under the point, the one drawn last where marks overlap', () => {
    const idx = new PickIndex([t('big', 100, 100, 20), t('small', 110, 100, 5)], 4);
    expect(idx.at(111, 101)?.id).toBe('small');
    expect(idx.at(90, 100)?.id).toBe('big');
  });

  it('reaches a mark a few px beyond its edge, the nearest edge first, and nothing further', () => {
    const idx = new PickIndex([t('a', 0, 0, 3), t('b', 20, 0, 3)], 4);
    expect(idx.at(3 + PICK_SLOP - 0.5, 0)?.id).toBe('a');
    expect(idx.at(16, 0)?.id).toBe('b'); // 13 from a's edge, 1 from b's
    expect(idx.at(10, 0)).toBeNull(); // 7 px from both edges
  });

  it('works across cell borders and at negative coordinates', () => {
    const idx = new PickIndex([t('edge', 31, 31, 6), t('neg', -40, -40, 6, 'group')], 4);
    expect(idx.at(35, 35)?.id).toBe('edge');
    expect(idx.at(-44, -37)).toMatchObject({ id: 'neg', kind: 'group' });
  });

  it('agrees with testing every target, for many random marks', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const targets = Array.from({ length: 3000 }, (_, i) => t(`m${i}`, rnd() * 2000, rnd() * 1200, 2 + rnd() * 24));
    const idx = new PickIndex(targets, 4);
    const brute = (x: number, y: number) => {
      let top: PickTarget | null = null;
      let near: PickTarget | null = null;
      let gap0 = Infinity;
      for (const m of targets) {
        const gap = Math.hypot(x - m.x, y - m.y) - m.r;
        if (gap <= 0) top = m;
        else if (gap <= PICK_SLOP && gap <= gap0) (near = m), (gap0 = gap);
      }
      return (top ?? near)?.id ?? null;
    };
    for (let k = 0; k < 2000; k++) {
      const x = rnd() * 2000, y = rnd() * 1200;
      expect(idx.at(x, y)?.id ?? null).toBe(brute(x, y));
    }
  });
});
