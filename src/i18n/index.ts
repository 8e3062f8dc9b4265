import zh from './zh.json';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/**
 * The messages of one page or dialog alone, loaded with it: the import dialog's, the sources page's, the
 * presentation's, and the output, growth and totals charts' (loaded with their code). Everything else is
 * in the core catalogue.
 */
export const PARTS = ['import', 'sources', 'present', 'trends'] as const;
export type Part = (typeof PARTS)[number];
export type MessageKey =
  | keyof typeof zh
  | keyof typeof import('./parts/import.zh.json')
  | keyof typeof import('./parts/sources.zh.json')
  | keyof typeof import('./parts/present.zh.json')
  | keyof typeof import('./parts/trends.zh.json');

type Catalogue = Record<string, string>;
const partLoaders: Record<Lang, Record<Part, () => Promise<{ default: Catalogue }>>> = {
  zh: { import: () => import('./parts/import.zh.json'), sources: () => import('./parts/sources.zh.json'), present: () => import('./parts/present.zh.json'), trends: () => import('./parts/trends.zh.json') },
  en: { import: () => import('./parts/import.en.json'), sources: () => import('./parts/sources.en.json'), present: () => import('./parts/present.en.json'), trends: () => import('./parts/trends.en.json') },
};

/**
 * Chinese, the default, is always in the bundle; English is fetched (from the site itself) when a page
 * needs it, so a Chinese page never downloads the English catalogue. Pages await ensureLang() first,
 * naming the parts they use beyond the core.
 */
const catalogs: Partial<Record<Lang, Catalogue>> = { zh: { ...zh } };
const loadedParts = new Set<string>();

export async function ensureLang(lang: Lang, parts: readonly Part[] = []): Promise<void> {
  if (!catalogs[lang]) catalogs[lang] = { ...((await import('./en.json')).default as Catalogue) };
  const cat = catalogs[lang]!;
  await Promise.all(
    parts
      .filter((p) => !loadedParts.has(`${lang}:${p}`))
      .map((p) =>
        partLoaders[lang][p]().then((m) => {
          Object.assign(cat, m.default);
          loadedParts.add(`${lang}:${p}`);
        }),
      ),
  );
}

/** Look up a message and fill {placeholders}. A missing key is a bug: it throws in dev and tests. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const cat = catalogs[lang];
  if (!cat) throw new Error(`the ${lang} catalogue is not loaded (await ensureLang)`);
  const msg = cat[key];
  if (msg === undefined) throw new Error(`missing message "${key}" for ${lang}`);
  return msg.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A message about a count: the key's `.one` form where the count is 1 and the catalogue has one (English does), else the key. */
export function tCount(lang: Lang, key: MessageKey, count: number, params: Record<string, string | number> = {}): string {
  const one = `${key}.one`;
  return t(lang, (count === 1 && one in catalog(lang) ? one : key) as MessageKey, params);
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
