/**
 * Keeps the user layer in this browser (IndexedDB) until it is cleared. Nothing leaves the page. Where
 * IndexedDB is missing or refused (a sandboxed embed, a file:// page, private modes), the atlas simply
 * shows without the user layer.
 */
import type { UserLayerPayload } from './userLayer.ts';

const DB = 'cluster-atlas';
const STORE = 'user-layer';
const KEY = 'current';
/**
 * How long to wait for the database to open before going on without it. A page's start-up is never held
 * long for storage that is not there; a layer this browser is known to hold, or one the user has just
 * asked to store or clear, is worth waiting for on a busy machine (opening can take seconds there), and a
 * store that gives up says so in the dialog.
 */
const WAIT_MS = { startup: 1500, held: 10_000, asked: 30_000 } as const;

function openDb(waitMs: number): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let late = false;
    let idb: IDBFactory | undefined;
    try {
      idb = globalThis.indexedDB;
    } catch {
      idb = undefined; // a sandboxed frame throws on access
    }
    if (!idb) return resolve(null);
    const timer = setTimeout(() => ((late = true), resolve(null)), waitMs);
    try {
      const req = idb.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      // Opened after giving up: closed at once, so it never blocks a later open.
      req.onsuccess = () => (late ? req.result.close() : (clearTimeout(timer), resolve(req.result)));
      req.onerror = () => (clearTimeout(timer), resolve(null));
      req.onblocked = () => (clearTimeout(timer), resolve(null));
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T | null> {
  return openDb(WAIT_MS.asked).then(
    (db) =>
      new Promise<T | null>((resolve) => {
        if (!db) return resolve(null);
        try {
          const req = fn(db.transaction(STORE, mode).objectStore(STORE));
          req.onsuccess = () => (db.close(), resolve((req.result as T) ?? null));
          req.onerror = () => (db.close(), resolve(null));
        } catch {
          db.close();
          resolve(null);
        }
      }),
  );
}

/**
 * Whether this browser holds the atlas's database: 'held' when it says so, 'maybe' when it cannot list its
 * databases, null when there is none (a visitor who never imported gets none made).
 */
async function dbHeld(): Promise<'held' | 'maybe' | null> {
  try {
    const list = await globalThis.indexedDB?.databases?.();
    if (list) return list.some((d) => d.name === DB) ? 'held' : null;
    return globalThis.indexedDB ? 'maybe' : null;
  } catch {
    return null;
  }
}

/**
 * Chromium refuses one stored value over about 127 MB, and a table of 100,000 rows is a JSON text of
 * about twice that: the text is kept in parts of at most PART characters, under keys current#0000, #0001 …,
 * with { parts: n } under KEY. (A layer stored as one text, before parts, still reads.)
 */
const PART = 16 * 1024 * 1024;
const partKey = (i: number) => `${KEY}#${String(i).padStart(4, '0')}`; // sorts as it counts

/** Every part in one read transaction, joined in order; null when any is missing. */
function readParts(db: IDBDatabase): Promise<string | null> {
  return new Promise((resolve) => {
    const store = db.transaction(STORE, 'readonly').objectStore(STORE);
    const head = store.get(KEY);
    head.onerror = () => resolve(null);
    head.onsuccess = () => {
      const v: unknown = head.result;
      if (typeof v === 'string' || v == null) return resolve(typeof v === 'string' ? v : null);
      const n = (v as { parts?: unknown }).parts;
      if (typeof n !== 'number' || n < 0) return resolve(null);
      const parts: string[] = new Array<string>(n);
      let left = n;
      if (!n) return resolve('');
      for (let i = 0; i < n; i++) {
        const r = store.get(partKey(i));
        r.onerror = () => resolve(null);
        r.onsuccess = () => {
          if (typeof r.result !== 'string') return resolve(null);
          parts[i] = r.result;
          if (--left === 0) resolve(parts.join(''));
        };
      }
    };
  });
}

/** The stored user layer as stored (JSON text), unchecked: load.ts checks it, loading the schemas only then. */
export async function readStoredUserLayerText(): Promise<string | null> {
  const held = await dbHeld();
  if (!held) return null;
  const db = await openDb(held === 'held' ? WAIT_MS.held : WAIT_MS.startup);
  if (!db) return null;
  try {
    return await readParts(db);
  } catch {
    return null;
  } finally {
    db.close();
  }
}

export type StoreResult = 'stored' | 'quota' | 'failed';

/** The text and its parts, in one transaction with the removal of the parts an earlier layer left over. */
function writeParts(store: IDBObjectStore, text: string): IDBRequest {
  const n = Math.ceil(text.length / PART);
  for (let i = 0; i < n; i++) store.put(text.slice(i * PART, (i + 1) * PART), partKey(i));
  store.delete(IDBKeyRange.bound(partKey(n), `${KEY}#\uffff`)); // an earlier, longer layer's last parts
  return store.put({ parts: n }, KEY);
}

/**
 * Store the layer in one transaction, reporting only once it is committed: a layer larger than the
 * browser's quota aborts the transaction ('quota'), and the layer stored before stays as it was.
 */
export async function storeUserLayer(p: UserLayerPayload): Promise<StoreResult> {
  const db = await openDb(WAIT_MS.asked);
  if (!db) return 'failed';
  let text: string;
  try {
    text = JSON.stringify(p);
  } catch {
    db.close();
    return 'failed'; // too large for one string
  }
  return new Promise<StoreResult>((resolve) => {
    const done = (r: StoreResult) => (db.close(), resolve(r));
    const isQuota = (e: DOMException | null | undefined) => e?.name === 'QuotaExceededError';
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const req = writeParts(tx.objectStore(STORE), text);
      tx.oncomplete = () => done('stored');
      tx.onabort = () => done(isQuota(tx.error) || isQuota(req.error) ? 'quota' : 'failed');
      tx.onerror = (e) => e.preventDefault(); // the abort that follows says which
    } catch (e) {
      done(isQuota(e as DOMException) ? 'quota' : 'failed');
    }
  });
}

export async function clearStoredUserLayer(): Promise<void> {
  await run('readwrite', (s) => s.delete(IDBKeyRange.bound(KEY, `${KEY}#\uffff`)));
}
