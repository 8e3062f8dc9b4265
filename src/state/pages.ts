/**
 * Links between the site's pages. On a server each page is its own file (index.html, present.html …);
 * in the offline edition and a meeting file, one HTML file holds every page and `?page=` picks it, so
 * links must stay inside that file.
 */
export type PageName = 'explore' | 'embed' | 'present' | 'sources';

const FILES: Record<PageName, string> = { explore: './', embed: 'embed.html', present: 'present.html', sources: 'sources.html' };

/** The URL parameter that picks the page inside a single-file edition. */
export const PAGE_PARAM = 'page';

/** True inside the offline edition or a meeting file (set on <html> by src/offline/main.ts). */
export function isSingleFile(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): boolean {
  return doc?.documentElement.dataset['edition'] === 'single-file';
}

/** A relative link to `page` with `query` (with or without its leading "?"). */
export function pageHref(page: PageName, query = '', doc: Document | undefined = typeof document === 'undefined' ? undefined : document): string {
  const q = new URLSearchParams(query.replace(/^\?/, ''));
  if (doc && isSingleFile(doc)) {
    if (page === 'explore') q.delete(PAGE_PARAM);
    else q.set(PAGE_PARAM, page);
    const file = doc.defaultView?.location.pathname.split('/').pop() ?? '';
    const s = q.toString();
    return `${file}${s ? `?${s}` : ''}`;
  }
  const s = q.toString();
  return `${FILES[page]}${s ? `?${s}` : ''}`;
}
