/** Chart strings come from the site catalogues (src/i18n/*.json), like every other string. */
import { t, catalog, type Lang, type MessageKey } from '../i18n/index.ts';

export type ChartKey = MessageKey;

export function tx(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return t(lang, key, params);
}

/** A count message: the key's ".one" variant when n is 1 and it exists (English singular), else the key. */
export function txn(lang: Lang, key: MessageKey, n: number, params: Record<string, string | number> = {}): string {
  const one = `${key}.one`;
  return t(lang, (n === 1 && one in catalog(lang) ? one : key) as MessageKey, { n, ...params });
}
