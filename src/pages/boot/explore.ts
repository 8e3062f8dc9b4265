/** Entry of explore: the language catalogue first, then the page (see ../boot.ts). */
import { boot } from '../boot.ts';
import { parseView } from '../../state/url.ts';
import { supportsWebGL } from '../../map/webgl.ts';

/**
 * The WebGL map's code (the largest part, and what the map waits for) loads early, but runs after the
 * first pixels: evaluating it holds the main thread for a few hundred ms. The page imports the same
 * module and finds it loading or loaded.
 */
const loadMapCode = () => {
  if (supportsWebGL()) void import('../../map/clusterMap.ts').catch(() => undefined);
};

// Something true on the map at once: the base map, drawn as soon as its geometry is in, before the page's
// own code and the WebGL map's have run (the page takes this drawing over; a failure here is the page's
// to report when it loads the same geometry).
const mapEl = document.getElementById('map');
if (mapEl) {
  const { view } = parseView(location.search);
  void Promise.all([import('../../map/firstPixels.ts'), import('../../map/geo.ts').then((m) => m.loadBaseGeometry())])
    .then(([fp, geo]) => fp.startFirstPixels(mapEl, geo, view.lang, new Set(view.regions)).painted)
    .catch(() => undefined)
    .then(loadMapCode);
} else loadMapCode();
void boot(() => import('../explore.ts'));
