/** Unit tests use both languages: load the English catalogue the pages fetch on demand. */
import { ensureLang, PARTS } from '../../src/i18n/index.ts';

await ensureLang('zh', PARTS);
await ensureLang('en', PARTS);
