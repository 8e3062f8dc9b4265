/**
 * The dialog's side of the import: the same four calls whether the work runs in a worker or in the
 * page. A worker is used where the page can start one (served over http); the single-file edition,
 * opened from disk, and a browser that refuses the worker run the same session in the page.
 * Cancel ends the worker at once (a new one starts for the next file); in the page, between chunks.
 */
import type { Atlas } from '../data/schema.ts';
import type { StoreResult } from '../data/userStore.ts';
import type { ImportOptions } from './build.ts';
import type { GazetteerJson } from './gazetteer.ts';
import type { ColumnMap } from './headers.ts';
import type { Reply, Request } from './protocol.ts';
import type { CheckSummary, Progress, TableSummary } from './session.ts';
import { ImportError, toWire } from './errors.ts';

type Body = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface ImportClient {
  open(file: File): Promise<TableSummary>;
  sheet(sheet: string): Promise<TableSummary>;
  check(columns: ColumnMap[], opts: ImportOptions, atlas: Pick<Atlas, 'metrics' | 'sectors'>, gazetteer: GazetteerJson | null): Promise<CheckSummary>;
  store(): Promise<StoreResult>;
  /** Stop what is running; its promise rejects with a 'cancelled' error. */
  cancel(): void;
  /** Where the work runs (reported by the bench and tests). */
  readonly where: 'worker' | 'page';
}

export const CANCELLED = 'cancelled';
const WORKER_UNAVAILABLE = 'worker-unavailable';

/** The work in a module worker; null when the page cannot start one. */
function workerClient(onProgress: (p: Progress) => void): ImportClient | null {
  let worker: Worker;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let next = 1;
  let replied = false;
  const start = () => {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'import' });
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const r = e.data;
      replied = true;
      if ('progress' in r) return onProgress(r.progress);
      const p = pending.get(r.id);
      pending.delete(r.id);
      if (r.ok) p?.resolve(r.value);
      else p?.reject(new ImportError(r.error));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      // An error event before any reply: the worker never started (its script refused or missing).
      const message = replied ? e.message || 'the import worker stopped' : WORKER_UNAVAILABLE;
      for (const p of pending.values()) p.reject(new ImportError({ kind: 'other', message }));
      pending.clear();
    };
  };
  try {
    start();
  } catch {
    return null;
  }
  const call = <T>(body: Body): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...body, id } as Request);
    });
  return {
    where: 'worker',
    open: (file) => call({ op: 'open', file, name: file.name }),
    sheet: (sheet) => call({ op: 'sheet', sheet }),
    check: (columns, opts, atlas, gazetteer) => call({ op: 'check', columns, opts, atlas, gazetteer }),
    store: () => call({ op: 'store' }),
    cancel: () => {
      worker.terminate();
      for (const p of pending.values()) p.reject(new ImportError({ kind: 'other', message: CANCELLED }));
      pending.clear();
      start();
    },
  };
}

/** The same session in the page: progress shows between chunks, cancel takes effect at the next one. */
async function pageClient(onProgress: (p: Progress) => void): Promise<ImportClient> {
  const { ImportSession } = await import('./session.ts');
  let cancelled = false;
  const session = new ImportSession((p) => {
    if (cancelled) throw new ImportError({ kind: 'other', message: CANCELLED });
    onProgress(p);
  });
  const run = async <T>(f: () => T | Promise<T>): Promise<T> => {
    cancelled = false;
    try {
      return await f();
    } catch (e) {
      throw e instanceof ImportError ? e : new ImportError(toWire(e));
    }
  };
  return {
    where: 'page',
    open: (file) => run(() => session.open(file, file.name)),
    sheet: (sheet) => run(() => session.sheet(sheet)),
    check: (columns, opts, atlas, gazetteer) => run(() => session.check(columns, opts, atlas, gazetteer)),
    store: () => run(() => session.store()),
    cancel: () => (cancelled = true),
  };
}

/** The worker where it starts; the page when it cannot (or when asked), switching over on the first call. */
export async function importClient(onProgress: (p: Progress) => void, inPage: boolean): Promise<ImportClient> {
  const worker = inPage ? null : workerClient(onProgress);
  if (!worker) return pageClient(onProgress);
  let current: ImportClient = worker;
  const via = async <T>(f: (c: ImportClient) => Promise<T>): Promise<T> => {
    try {
      return await f(current);
    } catch (e) {
      if (!(e instanceof ImportError && e.message === WORKER_UNAVAILABLE) || current !== worker) throw e;
      current = await pageClient(onProgress);
      return f(current);
    }
  };
  return {
    get where() {
      return current.where;
    },
    open: (file) => via((c) => c.open(file)),
    sheet: (sheet) => via((c) => c.sheet(sheet)),
    check: (...a) => via((c) => c.check(...a)),
    store: () => via((c) => c.store()),
    cancel: () => current.cancel(),
  };
}
