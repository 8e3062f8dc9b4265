/** The only place the site fetches and parses data. Failures are typed so the page can say what went wrong. */
import { atlasShapeError } from './shape.ts';
import { unpackAtlas, PackedError } from './packed.ts';
import type { Atlas } from './schema.ts';
import { readStoredUserLayerText } from './userStore.ts';
import { setCurrentUserLayer } from './userLayerState.ts';

export type LoadFailure =
  | { kind: 'http'; file: string; status: number }
  | { kind: 'network'; file: string }
  | { kind: 'json'; file: string }
  | { kind: 'schema'; file: string; detail: string };

export class LoadError extends Error {
  constructor(public readonly failure: LoadFailure) {
    super(`${failure.kind}: ${failure.file}`);
  }
}

/** The data folder, relative to the page, so the site works from any sub-path or a file share. */
export function dataUrl(file: string, base: string = import.meta.env.BASE_URL): string {
  return `${base.replace(/\/?$/, '/')}data/${file}`;
}

/**
 * Data carried inside the page: the offline edition and a meeting file hold every data file in
 * <script type="application/json" id="atlas-inline-data"> (file name → content), and never fetch.
 */
let carried: Map<string, unknown> | null | undefined;
export function inlineData(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): Map<string, unknown> | null {
  if (carried !== undefined) return carried;
  carried = null;
  const text = doc?.getElementById('atlas-inline-data')?.textContent;
  if (text) carried = new Map(Object.entries(JSON.parse(text) as Record<string, unknown>));
  return carried;
}

export async function fetchJson(file: string, fetcher: typeof fetch = fetch): Promise<unknown> {
  const inline = inlineData();
  if (inline) {
    if (inline.has(file)) return inline.get(file);
    throw new LoadError({ kind: 'http', file, status: 404 });
  }
  let res: Response;
  try {
    res = await fetcher(dataUrl(file));
  } catch {
    throw new LoadError({ kind: 'network', file });
  }
  if (!res.ok) throw new LoadError({ kind: 'http', file, status: res.status });
  const body = await res.text().catch(() => {
    throw new LoadError({ kind: 'network', file });
  });
  try {
    return JSON.parse(body);
  } catch {
    throw new LoadError({ kind: 'json', file });
  }
}

/**
 * Checks that a file is an atlas of this version, each field of its type (shape.ts), once its tables
 * written by column are rows again (packed.ts). Every value was
 * checked against schema.ts by the data build, which writes nothing when one fails; the page checks
 * the shape — which catches a stale, hand-edited or foreign file on the server — without shipping the
 * schema library to every page.
 */
export function parseAtlas(json: unknown, file = 'atlas.json'): Atlas {
  let rows: unknown;
  try {
    rows = unpackAtlas(json);
  } catch (err: unknown) {
    if (err instanceof PackedError) throw new LoadError({ kind: 'schema', file, detail: err.message });
    throw err;
  }
  const detail = atlasShapeError(rows);
  if (detail) throw new LoadError({ kind: 'schema', file, detail });
  return rows as Atlas;
}

/** The user layer an offline edition saved with it carries (<script id="atlas-user-layer">), as text. */
function carriedUserLayerText(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): string | null {
  return doc?.getElementById('atlas-user-layer')?.textContent || null;
}

/**
 * The atlas, with the user's own layer merged when this browser holds one (see userStore.ts), else the
 * one an offline edition carries. A layer that does not pass the schemas is left out. The schemas
 * (userLayer.ts) load only when there is a layer to check.
 */
export async function loadAtlas(fetcher: typeof fetch = fetch): Promise<Atlas> {
  const stored = readStoredUserLayerText();
  const atlas = parseAtlas(await fetchJson('atlas.json', fetcher));
  const texts = [await stored, carriedUserLayerText()].filter((x): x is string => !!x);
  setCurrentUserLayer(null);
  if (!texts.length) return atlas;
  const { parseUserLayer, applyUserLayer } = await import('./userLayer.ts');
  for (const text of texts) {
    let parsed: ReturnType<typeof parseUserLayer>;
    try {
      parsed = parseUserLayer(JSON.parse(text));
    } catch {
      continue;
    }
    if ('payload' in parsed) {
      setCurrentUserLayer(parsed.payload);
      return applyUserLayer(atlas, parsed.payload);
    }
  }
  return atlas;
}
