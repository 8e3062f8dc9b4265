/** Entry of explore: the language catalogue first, then the page (see ../boot.ts). */
import { boot } from '../boot.ts';
import { supportsWebGL } from '../../map/webgl.ts';

// The WebGL map's code (the largest part, and what the map waits for) starts loading with the page's
// own, not after it; the page imports the same module and finds it loading or loaded.
if (supportsWebGL()) void import('../../map/clusterMap.ts').catch(() => undefined);
void boot(() => import('../explore.ts'));
