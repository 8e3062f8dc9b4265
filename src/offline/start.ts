/**
 * Start of a single-file edition (scripts/build-offline.ts): the offline edition holds every page, a
 * meeting file the present and sources pages. `?page=` picks the page; its markup comes from a
 * <template> the build copied from the page's HTML file; data comes from the file itself
 * (src/data/load.ts); maplibre's worker from an inline script. Nothing is fetched.
 */
import { boot, PAGE_PARTS } from '../pages/boot.ts';
import { PAGE_PARAM, type PageName } from '../state/pages.ts';

export function startSingleFile(loaders: Partial<Record<PageName, () => Promise<unknown>>>, doc: Document = document): void {
  doc.documentElement.dataset['edition'] = 'single-file';
  const loc = doc.defaultView!.location;

  // A meeting file opens on its deck: the query it was saved with, unless it is opened with one.
  const start = doc.getElementById('atlas-start')?.textContent;
  if (start && !loc.search) {
    const saved = JSON.parse(start) as { search?: string } | null;
    if (saved?.search) history.replaceState(null, '', loc.pathname + saved.search + loc.hash);
  }

  const available = (name: string): name is PageName => name in loaders && doc.getElementById(`atlas-page-${name}`) !== null;
  const asked = new URLSearchParams(loc.search).get(PAGE_PARAM) ?? '';
  const first = doc.querySelector<HTMLTemplateElement>('template[data-page]')?.dataset['page'] ?? '';
  const page: PageName = available(asked) ? asked : available(first) ? first : 'explore';
  // A ?page= this file cannot show is reported by the page like any unknown parameter (src/pages/shell.ts).
  if (asked && asked !== page) doc.documentElement.dataset['badPage'] = asked;

  const template = doc.getElementById(`atlas-page-${page}`) as HTMLTemplateElement;
  doc.body.className = template.dataset['bodyClass'] ?? '';
  if (template.dataset['htmlClass']) doc.documentElement.classList.add(...template.dataset['htmlClass'].split(/\s+/));
  doc.body.prepend(template.content.cloneNode(true));
  void boot(loaders[page]!, PAGE_PARTS[page]);
}
