/** Explore page (index.html): wiring only. */
import { startPage, reportIgnored, langSwitchHref } from './shell.ts';
import { createStore } from '../state/store.ts';
import { loadAtlas } from '../data/load.ts';
import { clusterCountByRegion, provinceCountByRegion } from '../data/selectors.ts';
import { loadBaseGeometry } from '../map/geo.ts';
import { createBaseMap, supportsWebGL } from '../map/basemap.ts';
import { t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { withRetry } from '../ui/loader.ts';
import { regionLegend } from '../ui/legend.ts';
import { showNotice } from '../ui/notice.ts';

const { view, ignored, status } = startPage();
const store = createStore(view, window);
const lang = view.lang;

document.title = `${t(lang, 'site.title')} · ${t(lang, 'site.tagline')}`;
const $ = (id: string) => document.getElementById(id)!;
$('site-title').textContent = t(lang, 'site.title');
$('site-tagline').textContent = t(lang, 'site.tagline');
const langLink = $('lang-switch') as HTMLAnchorElement;
langLink.textContent = t(lang, 'lang.switch');
langLink.setAttribute('aria-label', t(lang, 'lang.switch.label'));
langLink.href = langSwitchHref(location, lang);
$('footer-source').textContent = `${t(lang, 'footer.source')} ${t(lang, 'footer.geo')}`;
const notices = $('notices');
reportIgnored(notices, lang, ignored);

const mapEl = $('map');
mapEl.setAttribute('aria-label', t(lang, 'map.label'));

withRetry($('load-status'), lang, () => Promise.all([loadAtlas(), loadBaseGeometry()])).then(async ([atlas, geo]) => {
  const side = $('side');
  side.append(regionLegend(lang, provinceCountByRegion(atlas), clusterCountByRegion(atlas)));
  side.append(h('p', { class: 'counts' }, t(lang, 'page.counts', { sources: atlas.sources.length, clusters: atlas.clusters.length, figures: atlas.figures.length })));
  if (!supportsWebGL()) {
    showNotice(notices, t(lang, 'map.nowebgl'), t(lang, 'notice.dismiss'));
    status.ready = true;
    return;
  }
  try {
    const base = await createBaseMap(mapEl, geo, lang, t(lang, 'map.label'));
    status.mapIdleAt = performance.now();
    performance.mark('atlas:map-idle');
    base.setShownRegions(new Set(store.get().regions));
    store.subscribe((v) => base.setShownRegions(new Set(v.regions)));
  } catch (err) {
    status.error = err instanceof Error ? err.message : String(err);
  }
  status.ready = true;
});
