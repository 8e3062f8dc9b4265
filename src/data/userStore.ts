/**
 * Keeps the user layer in this browser (IndexedDB) until it is cleared. Nothing leaves the page. Where
 * IndexedDB is missing or refused (a sandboxed embed, a file:// page, private modes), the atlas simply
 * shows without the user layer.
 */
import type { UserLayerPayload } from './userLayer.ts';

const DB = 'cluster-atlas';
const STORE = 'user-layer';
const KEY = 'current';
/** Never hold a page's start-up for storage: give up after this long. */
const TIMEOUT_MS = 1500;

function openDb(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let idb: IDBFactory | undefined;
    try {
      idb = globalThis.indexedDB;
    } catch {
      idb = undefined; // a sandboxed frame throws on access
    }
    if (!idb) return resolve(null);
    const timer = setTimeout(() => resolve(null), TIMEOUT_MS);
    try {
      const req = idb.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => (clearTimeout(timer), resolve(req.result));
      req.onerror = () => (clearTimeout(timer), resolve(null));
      req.onblocked = () => (clearTimeout(timer), resolve(null));
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T | null> {
  return openDb().then(
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

/** Whether this browser holds the atlas's database at all: a visitor who never imported gets none made. */
async function dbExists(): Promise<boolean> {
  try {
    const list = await globalThis.indexedDB?.databases?.();
    return list ? list.some((d) => d.name === DB) : !!globalThis.indexedDB;
  } catch {
    return false;
  }
}

/** The stored user layer as stored (JSON text), unchecked: load.ts checks it, loading the schemas only then. */
export async function readStoredUserLayerText(): Promise<string | null> {
  if (!(await dbExists())) return null;
  const text = await run<string>('readonly', (s) => s.get(KEY));
  return typeof text === 'string' ? text : null;
}

/** Store the layer; resolves false when the browser refuses. */
export async function storeUserLayer(p: UserLayerPayload): Promise<boolean> {
  return (await run<IDBValidKey>('readwrite', (s) => s.put(JSON.stringify(p), KEY))) != null;
}

export async function clearStoredUserLayer(): Promise<void> {
  await run('readwrite', (s) => s.delete(KEY));
}
