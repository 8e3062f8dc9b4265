/** Presentation page (present.html): full-screen slides. */
import { startPage, settleView } from './shell.ts';
import { loadAtlas } from '../data/load.ts';
import { clusterCountByRegion, provinceCountByRegion } from '../data/selectors.ts';
import { t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { withRetry } from '../ui/loader.ts';
import { regionLegend } from '../ui/legend.ts';

const { view, ignored, status } = startPage();
const lang = view.lang;
document.title = t(lang, 'present.title');
const root = document.getElementById('root')!;

withRetry(document.getElementById('load-status')!, lang, loadAtlas).then((atlas) => {
  settleView(atlas, view, ignored, document.getElementById('notices')!);
  root.append(
    h(
      'section',
      { class: 'slide', 'aria-roledescription': 'slide' },
      h('h1', { class: 'slide-title' }, t(lang, 'present.slide.title')),
      regionLegend(lang, provinceCountByRegion(atlas), clusterCountByRegion(atlas)),
      h('p', { class: 'slide-source' }, t(lang, 'footer.source')),
    ),
  );
  status.ready = true;
});
