/**
 * A zip archive of the site's files (the data package, the user's layer as CSV): written by fflate, a
 * kept zip library, deflated, with UTF-8 names. Pure: bytes in, bytes out, in the browser and in Node
 * (the data build writes the site's data package with it).
 */
import { zipSync, strToU8, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, "/" separated; stored as UTF-8. */
  name: string;
  data: Uint8Array | string;
}

/** The archive's bytes. `modified` is written into every entry (fixed for reproducible builds). */
export function zip(entries: readonly ZipEntry[], modified: Date = new Date(2000, 0, 1)): Uint8Array<ArrayBuffer> {
  const files: Zippable = {};
  for (const e of entries) files[e.name] = [typeof e.data === 'string' ? strToU8(e.data) : e.data, { mtime: modified }];
  return zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>;
}
