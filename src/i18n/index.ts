import zh from './zh.json';
import en from './en.json';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export type MessageKey = keyof typeof zh;

const catalogs: Record<Lang, Record<string, string>> = { zh, en };

/** Look up a message and fill {placeholders}. A missing key is a bug: it throws in dev and tests. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const msg = catalogs[lang][key];
  if (msg === undefined) throw new Error(`missing message "${key}" for ${lang}`);
  return msg.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function catalog(lang: Lang): Readonly<Record<string, string>> {
  return catalogs[lang];
}

/** A record carrying both languages, as the data does (name_zh / name_en). */
export function pick<T extends Record<string, unknown>>(row: T, field: string, lang: Lang): string {
  const v = row[`${field}_${lang}`] ?? row[`${field}_zh`];
  return typeof v === 'string' ? v : '';
}
