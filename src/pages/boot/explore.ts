/** Entry of explore: the language catalogue first, then the page (see ../boot.ts). */
import { boot } from '../boot.ts';
import { parseView } from '../../state/url.ts';
import { ensureLang } from '../../i18n/index.ts';
// The page's layout in the entry's own stylesheet (a <link> in index.html): the first pixels are drawn into
// the map's final box, their inset where the page's CSS puts the WebGL map's.
import '../../styles/base.css';

// Something true on the map at once: the base map, drawn as soon as its geometry is in, before the page's
// own code has loaded and run (the page takes this drawing over; a failure here is the page's to report
// when it loads the same geometry). The WebGL map's code comes later (../explore.ts): maplibre's once the
// first view's data are in, deck.gl's after the page's first view.
const mapEl = document.getElementById('map');
if (mapEl) {
  const { view } = parseView(location.search);
  // The drawing names its inset in the page's language: the English catalogue is in before it starts.
  void Promise.all([import('../../map/firstPixels.ts'), import('../../map/geo.ts').then((m) => m.loadBaseGeometry()), ensureLang(view.lang)])
    .then(([fp, geo]) => fp.startFirstPixels(mapEl, geo, view.lang, new Set(view.regions)))
    .catch(() => undefined);
}
void boot(() => import('../explore.ts'));
