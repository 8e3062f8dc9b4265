/**
 * Waits, without blocking the page, until the GPU has finished what was drawn so far in some WebGL
 * canvases.
 *
 * Why: the WebGL map draws its first frame in a hidden layer. On software WebGL (SwiftShader) the GPU
 * process then spends most of a second compiling deck.gl's pipelines. Showing the layer at once made the
 * next frame's commit read the canvases back while that work ran: one main-thread task of 800–1,000 ms
 * in which the page answered nothing. A fence per context, polled across tasks (the status of a WebGL
 * sync object is only updated between tasks, so polling never waits on the GPU process), lets the page
 * show the layer once its pixels are ready.
 */

type Gl = WebGL2RenderingContext;

/** Every WebGL2 context among these canvases (a WebGL1 or 2D canvas has no fence to wait on and is skipped). */
export function contextsOf(canvases: Iterable<HTMLCanvasElement>): Gl[] {
  const out: Gl[] = [];
  for (const c of canvases) {
    const gl = c.getContext('webgl2');
    if (gl && !gl.isContextLost()) out.push(gl);
  }
  return out;
}

export interface FenceOptions {
  /** Calls `fn` later, in another task (default: setTimeout of 8 ms). */
  later?: (fn: () => void) => void;
  /** Gives up waiting after this long (a driver that never signals must not keep the map hidden). */
  limitMs?: number;
  now?: () => number;
}

/**
 * Resolves once every context's commands issued before the call have completed on the GPU (or the context
 * was lost): true; or once `limitMs` passed first: false.
 */
export function gpuFinished(gls: readonly Gl[], o: FenceOptions = {}): Promise<boolean> {
  const later = o.later ?? ((fn) => setTimeout(fn, 8));
  const now = o.now ?? (() => performance.now());
  const limit = o.limitMs ?? 10_000;
  const pending = gls.map((gl) => ({ gl, sync: gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0) }));
  for (const { gl } of pending) gl.flush();
  const start = now();
  return new Promise((resolve) => {
    const poll = () => {
      for (let i = pending.length - 1; i >= 0; i--) {
        const { gl, sync } = pending[i]!;
        const gone = gl.isContextLost() || !sync;
        if (gone || gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED) {
          if (sync && !gl.isContextLost()) gl.deleteSync(sync);
          pending.splice(i, 1);
        }
      }
      if (!pending.length) return resolve(true);
      if (now() - start >= limit) {
        for (const { gl, sync } of pending) if (sync && !gl.isContextLost()) gl.deleteSync(sync);
        return resolve(false);
      }
      later(poll);
    };
    later(poll);
  });
}
