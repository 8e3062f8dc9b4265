import { describe, expect, it } from 'vitest';
import { gpuFinished } from './gpuDone.ts';

const SIGNALED = 0x9119;
const UNSIGNALED = 0x9118;

/** A WebGL2 context's fence calls: each fence signals after `polls` status reads. */
function fakeGl(polls: number) {
  const log: string[] = [];
  let reads = 0;
  let lost = false;
  const gl = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED,
    fenceSync: () => (log.push('fence'), { fence: true }),
    flush: () => void log.push('flush'),
    getSyncParameter: () => (++reads > polls ? SIGNALED : UNSIGNALED),
    deleteSync: () => void log.push('delete'),
    isContextLost: () => lost,
  };
  return { gl: gl as unknown as WebGL2RenderingContext, log, reads: () => reads, lose: () => (lost = true) };
}

/** Runs the poll steps by hand: `later` queues them and `step` runs the next. */
function manualClock() {
  const queue: (() => void)[] = [];
  let t = 0;
  return {
    later: (fn: () => void) => void queue.push(fn),
    now: () => t,
    step(ms = 8) {
      t += ms;
      queue.shift()?.();
    },
    waiting: () => queue.length,
  };
}

describe('gpuFinished', () => {
  it('fences and flushes every context at once, then reads the status only in later steps until each has signalled', async () => {
    const a = fakeGl(0);
    const b = fakeGl(3);
    const clock = manualClock();
    let done: boolean | undefined;
    void gpuFinished([a.gl, b.gl], clock).then((v) => (done = v));
    expect(a.log).toEqual(['fence', 'flush']);
    expect(b.log).toEqual(['fence', 'flush']);
    // Nothing is read in the calling task: a status read there could not have changed.
    expect(a.reads() + b.reads()).toBe(0);
    clock.step();
    expect(a.log).toContain('delete');
    expect(b.log).not.toContain('delete');
    clock.step();
    clock.step();
    await Promise.resolve();
    expect(done).toBeUndefined();
    clock.step();
    await Promise.resolve();
    expect(done).toBe(true);
    expect(b.log).toEqual(['fence', 'flush', 'delete']);
    expect(clock.waiting()).toBe(0);
  });

  it('stops waiting on a context that is lost', async () => {
    const a = fakeGl(1000);
    const clock = manualClock();
    let done: boolean | undefined;
    void gpuFinished([a.gl], clock).then((v) => (done = v));
    clock.step();
    a.lose();
    clock.step();
    await Promise.resolve();
    expect(done).toBe(true);
    expect(a.log).not.toContain('delete');
  });

  it('gives up after its limit (false) and frees the fences', async () => {
    const a = fakeGl(1000);
    const clock = manualClock();
    let done: boolean | undefined;
    void gpuFinished([a.gl], { ...clock, limitMs: 100 }).then((v) => (done = v));
    for (let i = 0; i < 12 && done === undefined; i++) {
      clock.step(10);
      await Promise.resolve();
    }
    expect(done).toBe(false);
    expect(a.log).toEqual(['fence', 'flush', 'delete']);
    expect(a.reads()).toBeGreaterThanOrEqual(9);
  });

  it('resolves at the first step with no context to wait on', async () => {
    const clock = manualClock();
    let done: boolean | undefined;
    void gpuFinished([], clock).then((v) => (done = v));
    clock.step();
    await Promise.resolve();
    expect(done).toBe(true);
  });
});
