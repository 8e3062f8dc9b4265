/** Links to the sources and method page: every source line on the site points at its entry there. */
import { pageHref } from '../state/pages.ts';
import type { Lang } from '../i18n/index.ts';

const page = (lang: Lang) => pageHref('sources', lang === 'en' ? 'lang=en' : '');

export function sourceHref(sourceId: string, lang: Lang): string {
  return `${page(lang)}#src-${encodeURIComponent(sourceId)}`;
}

export function batchHref(batchId: string, lang: Lang): string {
  return `${page(lang)}#batch-${encodeURIComponent(batchId)}`;
}
