/** The only place the site fetches and parses data. Failures are typed so the page can say what went wrong. */
import { atlasSchema, type Atlas } from './schema.ts';
import { readStoredUserLayer, withStoredUserLayer } from './userStore.ts';
import { parseUserLayer, type UserLayerPayload } from './userLayer.ts';

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

export function parseAtlas(json: unknown, file = 'atlas.json'): Atlas {
  const parsed = atlasSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const detail = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown';
    throw new LoadError({ kind: 'schema', file, detail });
  }
  return parsed.data;
}

/**
 * A user layer carried inside an offline edition saved with it (<script id="atlas-user-layer">);
 * null when there is none or it is not a valid layer.
 */
export function carriedUserLayer(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): UserLayerPayload | null {
  const text = doc?.getElementById('atlas-user-layer')?.textContent;
  if (!text) return null;
  try {
    const parsed = parseUserLayer(JSON.parse(text));
    return 'payload' in parsed ? parsed.payload : null;
  } catch {
    return null;
  }
}

/**
 * The atlas, with the user's own layer merged when this browser holds one (see userStore.ts), else the
 * one an offline edition carries.
 */
export async function loadAtlas(fetcher: typeof fetch = fetch): Promise<Atlas> {
  const stored = readStoredUserLayer().then((p) => p ?? carriedUserLayer());
  return withStoredUserLayer(parseAtlas(await fetchJson('atlas.json', fetcher)), stored);
}
