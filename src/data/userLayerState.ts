/**
 * The user layer this page holds and how it is named, without the schemas that check it (userLayer.ts,
 * loaded only when there is a layer to read): every page uses these, few pages ever parse a layer.
 */
import type { Atlas } from './schema.ts';
import type { UserLayerPayload } from './userLayerSchema.ts';

export const USER_LAYER = 'user';

let current: UserLayerPayload | null = null;

/** The user layer this page holds (loaded from the browser's storage or just imported), or null. */
export function currentUserLayer(): UserLayerPayload | null {
  return current;
}

export function setCurrentUserLayer(p: UserLayerPayload | null): void {
  current = p;
}

/** The current user layer as JSON ("null" when there is none), for the offline edition to embed. */
export function serializeUserLayer(p: UserLayerPayload | null = current): string {
  return JSON.stringify(p);
}

/**
 * The source line for the map and its exports when the view shows the user layer: the user's own line,
 * after the atlas's (beside) or alone (when the user layer is the only one shown).
 */
export function mapSourceLine(atlas: Pick<Atlas, 'programmes' | 'sources'>, layers: readonly string[] | null, atlasLine: string, userLabel: (line: string) => string): string {
  const on = layers ?? atlas.programmes.filter((p) => p.default_on).map((p) => p.id);
  const user = on.includes(USER_LAYER) ? atlas.sources.find((s) => s.id === USER_LAYER) : undefined;
  if (!user) return atlasLine;
  const mine = userLabel(user.issuer_zh);
  return on.length === 1 ? mine : `${atlasLine} ${mine}`;
}
