/**
 * The built atlas.json as rows, for tests that read the file itself: its large tables are written by
 * column (src/data/packed.ts), which the pages turn back into rows the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unpackAtlas } from '../src/data/packed.ts';
import type { Atlas } from '../src/data/schema.ts';

export const ATLAS_FILE = join(import.meta.dirname, '..', 'public', 'data', 'atlas.json');

/** public/data/atlas.json (or another built atlas.json) with every table as rows. */
export function readAtlas(file = ATLAS_FILE): Atlas {
  return unpackAtlas(JSON.parse(readFileSync(file, 'utf8'))) as Atlas;
}
