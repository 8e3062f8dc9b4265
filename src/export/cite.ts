/** How to cite a view: the site with its address and the access date, and the original documents. */
import type { SourceRow } from '../data/schema.ts';
import { t, pick, type Lang } from '../i18n/index.ts';

export function citation(lang: Lang, url: string, sources: readonly SourceRow[], today: Date = new Date()): string {
  const date = today.toISOString().slice(0, 10);
  const docs = sources.length
    ? sources.map((s) => [pick(s, 'issuer', lang), t(lang, 'cite.title', { title: pick(s, 'title', lang) }), s.doc_number ?? '', s.date ?? ''].filter(Boolean).join(' ')).join('; ')
    : t(lang, 'cite.sources.all');
  return t(lang, 'export.citation', { url, date, sources: docs });
}
