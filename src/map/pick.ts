/**
 * Picking the map's marks on the CPU: a grid of the drawn marks in world pixels at one zoom, asked where
 * the pointer is. deck.gl's own picking draws every pickable layer again off screen and reads the pixels
 * back, which on software WebGL stalls each pointer move for tens of milliseconds and grows with the marks;
 * a grid lookup is a few cells whatever the number of marks.
 */
import { gridKey } from './layout.ts';

/** Something drawn that the pointer can hit: a cluster's mark or one of its other sites, or a group's ring. */
export interface PickTarget {
  kind: 'mark' | 'site' | 'group';
  /** The cluster's id (a mark or site), or the group's key. */
  id: string;
  /** Centre in world pixels at the index's zoom. */
  x: number;
  y: number;
  /** Drawn radius in px, stroke included. */
  r: number;
}

/** px beyond a mark's edge that still hits it (a small mark stays easy to reach). */
export const PICK_SLOP = 4;
const CELL = 32;

export class PickIndex {
  private readonly cells = new Map<number, number[]>();

  /** targets in drawing order: a later one is drawn over an earlier one. */
  constructor(
    readonly targets: readonly PickTarget[],
    readonly zoom: number,
  ) {
    targets.forEach((t, i) => {
      const reach = t.r + PICK_SLOP;
      const x0 = Math.floor((t.x - reach) / CELL), x1 = Math.floor((t.x + reach) / CELL);
      const y0 = Math.floor((t.y - reach) / CELL), y1 = Math.floor((t.y + reach) / CELL);
      for (let cx = x0; cx <= x1; cx++)
        for (let cy = y0; cy <= y1; cy++) {
          const k = gridKey(cx, cy);
          const list = this.cells.get(k);
          if (list) list.push(i);
          else this.cells.set(k, [i]);
        }
    });
  }

  /**
   * The target at a point (world px): of those under it, the one drawn on top; else the one whose edge is
   * nearest, within PICK_SLOP; null when none is that close.
   */
  at(x: number, y: number): PickTarget | null {
    let top = -1;
    let near = -1;
    let nearGap = Infinity;
    for (const i of this.cells.get(gridKey(Math.floor(x / CELL), Math.floor(y / CELL))) ?? []) {
      const t = this.targets[i]!;
      const gap = Math.hypot(x - t.x, y - t.y) - t.r;
      if (gap <= 0) top = Math.max(top, i);
      else if (gap <= PICK_SLOP && (gap < nearGap || (gap === nearGap && i > near))) (near = i), (nearGap = gap);
    }
    const i = top >= 0 ? top : near;
    return i >= 0 ? this.targets[i]! : null;
  }
}
