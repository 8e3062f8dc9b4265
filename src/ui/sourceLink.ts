/** Links to the sources and method page: every source line on the site points at its entry there. */
import type { Lang } from '../i18n/index.ts';

const page = (lang: Lang) => (lang === 'en' ? 'sources.html?lang=en' : 'sources.html');

export function sourceHref(sourceId: string, lang: Lang): string {
  return `${page(lang)}#src-${encodeURIComponent(sourceId)}`;
}

export function batchHref(batchId: string, lang: Lang): string {
  return `${page(lang)}#batch-${encodeURIComponent(batchId)}`;
}
