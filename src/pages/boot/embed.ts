/** Entry of embed: the language catalogue first, then the page (see ../boot.ts). */
import { boot } from '../boot.ts';

void boot(() => import('../embed.ts'));
