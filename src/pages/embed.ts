/** Embed page (embed.html): one chart, no site chrome. Loads no maplibre and no deck.gl. */
import { startPage, settleView } from './shell.ts';
import { loadAtlas } from '../data/load.ts';
import { clusterCountByRegion, provinceCountByRegion } from '../data/selectors.ts';
import { t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { withRetry } from '../ui/loader.ts';
import { regionLegend } from '../ui/legend.ts';

const { view, ignored, status } = startPage();
const lang = view.lang;
document.title = t(lang, 'embed.title');
const root = document.getElementById('root')!;

withRetry(document.getElementById('load-status')!, lang, loadAtlas).then((atlas) => {
  settleView(atlas, view, ignored, document.getElementById('notices')!);
  const full = new URL('./', location.href);
  if (lang !== 'zh') full.searchParams.set('lang', lang);
  root.append(
    h('h1', { class: 'embed-title' }, t(lang, 'embed.regions.title')),
    h('p', { class: 'embed-subtitle' }, t(lang, 'embed.regions.subtitle')),
    regionLegend(lang, provinceCountByRegion(atlas), clusterCountByRegion(atlas)),
    h('p', { class: 'embed-source' }, t(lang, 'footer.source')),
    h('a', { class: 'embed-link', href: full.pathname + full.search, target: '_top' }, t(lang, 'embed.fullview')),
  );
  status.ready = true;
});
