/** Entry of present: the language catalogue first, then the page (see ../boot.ts). */
import { boot, PAGE_PARTS } from '../boot.ts';

void boot(() => import('../present.ts'), PAGE_PARTS['present']);
