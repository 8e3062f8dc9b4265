/** Entry of sources: the language catalogue first, then the page (see ../boot.ts). */
import { boot, PAGE_PARTS } from '../boot.ts';

void boot(() => import('../sources.ts'), PAGE_PARTS['sources']);
