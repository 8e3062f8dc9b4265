/** Chart strings come from the site catalogues (src/i18n/*.json), like every other string. */
import { t, tCount, type Lang, type MessageKey } from '../i18n/index.ts';

export type ChartKey = MessageKey;

export function tx(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return t(lang, key, params);
}

/** A count message with the count as {n}: the key's ".one" variant when n is 1 and it exists (i18n's tCount). */
export function txn(lang: Lang, key: MessageKey, n: number, params: Record<string, string | number> = {}): string {
  return tCount(lang, key, n, { n, ...params });
}
