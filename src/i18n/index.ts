import zh from './zh.json';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export type MessageKey = keyof typeof zh;

/**
 * Chinese, the default, is always in the bundle; English is fetched (from the site itself) when a page
 * needs it, so a Chinese page never downloads the English catalogue. Pages await ensureLang() first.
 */
const catalogs: Partial<Record<Lang, Record<string, string>>> = { zh };

export async function ensureLang(lang: Lang): Promise<void> {
  if (!catalogs[lang]) catalogs[lang] = (await import('./en.json')).default as Record<string, string>;
}

/** Look up a message and fill {placeholders}. A missing key is a bug: it throws in dev and tests. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const cat = catalogs[lang];
  if (!cat) throw new Error(`the ${lang} catalogue is not loaded (await ensureLang)`);
  const msg = cat[key];
  if (msg === undefined) throw new Error(`missing message "${key}" for ${lang}`);
  return msg.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function catalog(lang: Lang): Readonly<Record<string, string>> {
  const cat = catalogs[lang];
  if (!cat) throw new Error(`the ${lang} catalogue is not loaded (await ensureLang)`);
  return cat;
}

/** A record carrying both languages, as the data does (name_zh / name_en). */
export function pick<T extends Record<string, unknown>>(row: T, field: string, lang: Lang): string {
  const v = row[`${field}_${lang}`] ?? row[`${field}_zh`];
  return typeof v === 'string' ? v : '';
}
