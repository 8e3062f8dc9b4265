/**
 * Waiting for a page to be still instead of sleeping a fixed time: its CSS animations and transitions
 * done, then some animation frames in a row in which no WebGL draw call was made. maplibre and deck.gl
 * draw only in animation frames, and only while something on their map changes (a camera move, labels
 * fading in, tiles arriving from the worker, a highlight): frames without a draw call are a map at rest.
 * The frames are counted in the page (requestAnimationFrame), not timed in the test.
 */
import type { Page } from 'playwright-core';

/**
 * Init script for every page opened through the harness (`openPage`): counts WebGL draw calls in
 * `window.__glDraws`, on every WebGL context of the page.
 */
export const GL_DRAW_COUNTER = `(() => {
  window.__glDraws = 0;
  for (const C of [self.WebGLRenderingContext, self.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const name of ['clear', 'drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements']) {
      const orig = C.prototype[name];
      if (typeof orig !== 'function') continue;
      C.prototype[name] = function (...args) {
        window.__glDraws++;
        return orig.apply(this, args);
      };
    }
  }
})();`;

/**
 * Frames in a row without a WebGL draw call that make a map at rest: a little more than the frames the
 * map's worker takes to send the tiles of a new camera (during which maplibre has nothing to draw).
 */
const QUIET_FRAMES = 10;

type StillWindow = Window & { __glDraws?: number; __still?: { draws: number; frames: number } };

/**
 * Resolves once the page's finite CSS animations and transitions have finished and its WebGL maps (if
 * any) have not drawn for `quietFrames` animation frames in a row. Pages opened with `openPage` count
 * their draw calls; on others only the animations and the frames are waited for.
 */
export async function settle(page: Page, quietFrames = QUIET_FRAMES, timeout = 20_000): Promise<void> {
  await page.evaluate(() => {
    (window as StillWindow).__still = { draws: -1, frames: 0 };
  });
  // Evaluated once per animation frame (polling: 'raf'). Only arrow functions in here: the page lacks
  // the helper the test runner's transform wraps named ones in.
  await page.waitForFunction(
    (quiet) => {
      const w = window as StillWindow;
      const still = w.__still!;
      const animating = document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
      const draws = w.__glDraws ?? 0;
      still.frames = animating || draws !== still.draws ? 0 : still.frames + 1;
      still.draws = draws;
      return still.frames >= quiet;
    },
    quietFrames,
    { polling: 'raf', timeout },
  );
}
