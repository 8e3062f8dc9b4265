/** Unit tests use both languages: load the English catalogue the pages fetch on demand. */
import { ensureLang } from '../../src/i18n/index.ts';

await ensureLang('en');
