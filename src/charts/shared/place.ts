/**
 * Labels placed beside their marks without a browser: each label's box from estimated text widths
 * (layout.ts), tried above, below, right and left of its mark and at the corners, and put where it
 * covers nothing placed before it (marks, other labels, whatever the chart adds) and stays in its area.
 */
import { measure } from './layout.ts';
import { maxOf } from '../../data/extent.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelJob {
  /** The mark's box: the label goes beside it. */
  mark: Box;
  lines: readonly string[];
  font: number;
  /** Distance between the lines' baselines. */
  step: number;
  /** The spots to try first (the rest follow in the usual order). */
  prefer?: readonly Spot[];
}

/** Where round its mark a label may go. */
export type Spot = 'above' | 'below' | 'right' | 'left' | 'above-right' | 'above-left' | 'below-right' | 'below-left';
const SPOTS: readonly Spot[] = ['above', 'below', 'right', 'left', 'above-right', 'above-left', 'below-right', 'below-left'];

export interface Placed {
  /** Where the text goes: x with its anchor, y of the first line's baseline. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

/** Room kept between a label and its mark or its neighbours. */
const GAP = 3;
/** measure() estimates; a label's box is taken this much wider, so that real glyphs stay inside it. */
const SLACK = 1.06;

/** A box of w × h placed by anchor at (x, top). */
function boxAt(x: number, top: number, w: number, h: number, anchor: Placed['anchor']): Box {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x0, y0: top, x1: x0 + w, y1: top + h };
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
const area = (b: Box) => (b.x1 - b.x0) * (b.y1 - b.y0);

/** The candidate spots round a mark: the job's preferred ones, then above, below, right, left and the corners. */
function candidates(job: LabelJob, w: number, h: number): { x: number; top: number; anchor: Placed['anchor'] }[] {
  const m = job.mark;
  const cx = (m.x0 + m.x1) / 2;
  const cy = (m.y0 + m.y1) / 2;
  const at: Record<Spot, { x: number; top: number; anchor: Placed['anchor'] }> = {
    above: { x: cx, top: m.y0 - GAP - h, anchor: 'middle' },
    below: { x: cx, top: m.y1 + GAP, anchor: 'middle' },
    right: { x: m.x1 + GAP, top: cy - h / 2, anchor: 'start' },
    left: { x: m.x0 - GAP, top: cy - h / 2, anchor: 'end' },
    'above-right': { x: m.x1, top: m.y0 - GAP - h, anchor: 'start' },
    'above-left': { x: m.x0, top: m.y0 - GAP - h, anchor: 'end' },
    'below-right': { x: m.x1, top: m.y1 + GAP, anchor: 'start' },
    'below-left': { x: m.x0, top: m.y1 + GAP, anchor: 'end' },
  };
  const order = [...(job.prefer ?? []), ...SPOTS.filter((s) => !job.prefer?.includes(s))];
  return order.map((s) => at[s]);
}

/**
 * Places the labels in order, each at the first spot that covers nothing taken and stays inside `inside`;
 * where no spot is free, at the one that covers least. Returns one placement per job.
 */
export function placeLabels(jobs: readonly LabelJob[], obstacles: readonly Box[], inside: Box): Placed[] {
  const taken: Box[] = [...obstacles, ...jobs.map((j) => j.mark)];
  return jobs.map((job) => {
    const w = maxOf(job.lines.map((l) => measure(l, job.font)), 0) * SLACK + 2;
    const h = (job.lines.length - 1) * job.step + job.font + 2;
    let best: Placed | null = null;
    let bestCost = Infinity;
    for (const c of candidates(job, w, h)) {
      const box = boxAt(c.x, c.top, w, h, c.anchor);
      const out = area(box) - overlap(box, inside);
      const cost = taken.reduce((s, t) => s + overlap(box, t), 0) + out * 4;
      if (cost < bestCost - 0.01) [best, bestCost] = [{ x: c.x, y: c.top + 1 + job.font * 0.86, anchor: c.anchor, box }, cost];
      if (cost === 0) break;
    }
    taken.push(best!.box);
    return best!;
  });
}

/** Small boxes along a line from (x1, y1) to (x2, y2), so that labels keep off it. */
export function alongLine(x1: number, y1: number, x2: number, y2: number, half = 2): Box[] {
  const n = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 6));
  return Array.from({ length: n + 1 }, (_, i) => {
    const x = x1 + ((x2 - x1) * i) / n;
    const y = y1 + ((y2 - y1) * i) / n;
    return { x0: x - half, y0: y - half, x1: x + half, y1: y + half };
  });
}
