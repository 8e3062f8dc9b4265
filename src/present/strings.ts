/** The present page's strings come from the site catalogues (src/i18n/*.json), like every other string. */
import { t, type Lang, type MessageKey } from '../i18n/index.ts';

export type PresentKey = MessageKey;

export function ps(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return t(lang, key, params);
}
