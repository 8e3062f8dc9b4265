/**
 * Page start without top-level await (the build targets ES2020, for older browser cores): an entry
 * loads the language catalogue the URL asks for, then imports the page's module, whose top-level code
 * may then call t() at once. A failure to load either is said in the page, in both languages, with a
 * reload button: never a blank page.
 */
import { parseView } from '../state/url.ts';
import { ensureLang, t, type Part } from '../i18n/index.ts';

declare global {
  interface Window {
    /** Set once a page module has started: the classic start-up check (public/start-check.js) reads it. */
    __atlasStarted?: boolean;
  }
}

/** The catalogue parts (see ../i18n/index.ts) each page uses beyond the core. */
export const PAGE_PARTS: Readonly<Record<string, readonly Part[]>> = { sources: ['sources'], present: ['present'] };

export function boot(load: () => Promise<unknown>, parts: readonly Part[] = [], win: Window = window): Promise<void> {
  win.__atlasStarted = true;
  const { view } = parseView(win.location.search);
  return ensureLang(view.lang, parts)
    .then(load)
    .then(
      () => undefined,
      (err: unknown) => showStartFailure(win.document, err),
    );
}

/**
 * Both languages: the Chinese catalogue is bundled with this entry; the English one may be what failed
 * to load, so its words have a plain fallback here.
 */
function showStartFailure(doc: Document, err: unknown): void {
  const en = (key: 'start.failed' | 'start.reload', fallback: string) => {
    try {
      return t('en', key);
    } catch {
      return fallback;
    }
  };
  const box = doc.createElement('div');
  box.className = 'start-failure';
  box.setAttribute('role', 'alert');
  const zhText = doc.createElement('p');
  zhText.lang = 'zh-CN';
  zhText.textContent = t('zh', 'start.failed');
  const enText = doc.createElement('p');
  enText.lang = 'en';
  enText.textContent = en('start.failed', 'The page’s code could not be loaded (the network or the server may have failed). Please reload.');
  const detail = doc.createElement('p');
  detail.className = 'start-failure-detail';
  detail.textContent = err instanceof Error ? err.message : String(err);
  const again = doc.createElement('button');
  again.type = 'button';
  again.textContent = `${t('zh', 'start.reload')} · ${en('start.reload', 'Reload')}`;
  again.addEventListener('click', () => doc.defaultView?.location.reload());
  box.append(zhText, enText, detail, again);
  doc.body.prepend(box);
}
