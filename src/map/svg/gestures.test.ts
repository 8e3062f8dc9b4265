// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { listenGestures } from './gestures.ts';
import type { Transform } from './camera.ts';

function setup(limits: [number, number] = [0.5, 8]) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  const previews: Transform[] = [];
  const commits: Transform[] = [];
  const stop = listenGestures(svg, { preview: (t) => previews.push(t), commit: (t) => commits.push(t), limits: () => limits });
  return { svg, previews, commits, stop };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('pan and zoom gestures on the SVG map', () => {
  it('zooms about the pointer with the wheel, and commits once the wheel rests', () => {
    vi.useFakeTimers();
    const { svg, previews, commits } = setup();
    svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -500, clientX: 100, clientY: 50, cancelable: true }));
    svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -500, clientX: 100, clientY: 50, cancelable: true }));
    expect(previews).toHaveLength(2);
    expect(commits).toHaveLength(0);
    vi.advanceTimersByTime(500);
    expect(commits).toHaveLength(1);
    const t = commits[0]!;
    expect(t.k).toBeCloseTo(4, 9);
    // The point under the pointer stays under it.
    expect(100 * t.k + t.x).toBeCloseTo(100, 9);
    expect(50 * t.k + t.y).toBeCloseTo(50, 9);
  });

  it('keeps the scale within the limits it is given', () => {
    vi.useFakeTimers();
    const { svg, commits } = setup([0.5, 2]);
    svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -5000, clientX: 0, clientY: 0, cancelable: true }));
    vi.advanceTimersByTime(500);
    expect(commits[0]!.k).toBe(2);
  });

  it('a double click zooms in twice about the point at once; with shift, out', () => {
    const { svg, commits } = setup();
    svg.dispatchEvent(new MouseEvent('dblclick', { clientX: 40, clientY: 30 }));
    svg.dispatchEvent(new MouseEvent('dblclick', { clientX: 40, clientY: 30, shiftKey: true }));
    expect(commits.map((t) => t.k)).toEqual([2, 0.5]);
    expect(40 * 2 + commits[0]!.x).toBeCloseTo(40, 9);
  });

  it('stops listening when stopped', () => {
    vi.useFakeTimers();
    const { svg, previews, stop } = setup();
    stop();
    svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -500, cancelable: true }));
    vi.advanceTimersByTime(500);
    expect(previews).toHaveLength(0);
  });
});
