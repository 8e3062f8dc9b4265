/**
 * A table file as spreadsheets in China save it: UTF-8 with or without a BOM, GBK / GB18030 (Excel's
 * "CSV" on a Chinese Windows), or UTF-16 ("Unicode text", tab-separated). Comma or tab separated.
 */
import type { CsvTable } from '../data/csv.ts';
import { parseTableSync } from './table.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** BOM first; then strict UTF-8; anything that is not UTF-8 is read as GB18030 (a superset of GBK). */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (a === 0xff && b === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Tab when the first line has more tabs than commas (outside quotes), else comma. */
export function sniffDelimiter(text: string): ',' | '\t' {
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === '\t') tabs++;
    else if (!quoted && ch === ',') commas++;
  }
  return tabs > commas ? '\t' : ',';
}

export interface ReadTable extends CsvTable {
  encoding: Encoding;
  delimiter: ',' | '\t';
}

/** Decode and parse at once; throws CsvSyntaxError (with its row) when the file is not a table. */
export function readTable(bytes: Uint8Array): ReadTable {
  const { text, encoding } = decodeBytes(bytes);
  const delimiter = sniffDelimiter(text);
  return { ...parseTableSync(text, delimiter), encoding, delimiter };
}
