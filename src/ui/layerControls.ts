/**
 * Layer controls: which programmes are shown (national lists, local plans), each with how complete its
 * list is here, and a time control that steps or plays through the batches. Each change goes to the store.
 */
import { h } from './dom.ts';
import { t, type Lang } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Store } from '../state/store.ts';
import type { Atlas } from '../data/schema.ts';
import { activeLayers, batchYears, programmeTotals } from '../data/layers.ts';
import { name } from './context.ts';

const PLAY_STEP_MS = 1600;

export function createLayerControls(o: { atlas: Atlas; lang: Lang; store: Store; sourcesHref?: (batchId: string) => string }): { el: HTMLElement; sync(): void } {
  const { atlas, lang, store } = o;
  const boxes = atlas.programmes.map((p) => {
    const input = h('input', { type: 'checkbox', name: 'layer', value: p.id });
    input.addEventListener('change', () => {
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      if (!chosen.length) input.checked = true; // at least one layer stays shown
      else store.set({ layers: chosen.sort() });
    });
    return input;
  });
  const counts = atlas.programmes.map((p) => h('span', { class: 'layer-count', 'data-programme': p.id }));

  // The time control: "all" then each year a dated batch is placed at.
  const slider = h('input', { type: 'range', id: 'until-range', min: '0', step: '1', 'aria-describedby': 'until-value' });
  const value = h('output', { id: 'until-value', for: 'until-range', class: 'until-value' });
  const play = h('button', { type: 'button', class: 'until-play', 'aria-pressed': 'false' }, t(lang, 'layers.play'));
  let years: number[] = [];
  let timer: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    play.setAttribute('aria-pressed', 'false');
    play.textContent = t(lang, 'layers.play');
  };
  const setIndex = (i: number) => store.set({ until: i >= years.length ? null : years[i]! });
  slider.addEventListener('input', () => {
    stop();
    setIndex(Number(slider.value));
  });
  play.addEventListener('click', () => {
    if (timer) return stop();
    if (!years.length) return;
    let i = 0;
    setIndex(i);
    play.setAttribute('aria-pressed', 'true');
    play.textContent = t(lang, 'layers.pause');
    timer = setInterval(() => {
      i++;
      setIndex(i);
      if (i >= years.length) stop();
    }, PLAY_STEP_MS);
  });

  const time = h('div', { class: 'until-row' }, h('label', { class: 'field', for: 'until-range' }, t(lang, 'layers.until')), h('div', { class: 'until-controls' }, slider, play), value);
  const el = h(
    'fieldset',
    { class: 'layer-filter' },
    h('legend', {}, t(lang, 'layers.title')),
    ...atlas.programmes.map((p, i) => h('label', { class: 'check layer-check' }, boxes[i]!, h('span', { class: 'layer-name' }, name(p, lang)), counts[i]!)),
    time,
  );

  const sync = () => {
    const v = store.get();
    const on = new Set(activeLayers(atlas, v));
    boxes.forEach((b) => (b.checked = on.has(b.value)));
    for (const total of programmeTotals(atlas, v)) {
      const span = counts.find((c) => c.dataset['programme'] === total.programme.id)!;
      span.textContent =
        total.official != null
          ? t(lang, 'layers.found', { found: formatNumber(total.found, lang), official: formatNumber(total.official, lang) })
          : t(lang, 'layers.foundOnly', { found: formatNumber(total.found, lang) });
    }
    years = batchYears(atlas, v);
    slider.max = String(years.length);
    const i = v.until == null ? years.length : Math.max(0, years.findIndex((y) => y >= v.until!));
    slider.value = String(i === -1 ? years.length : i);
    slider.disabled = years.length < 2;
    play.disabled = years.length < 2;
    value.textContent = v.until == null ? t(lang, 'layers.untilAll') : t(lang, 'layers.untilYear', { year: v.until });
    slider.setAttribute('aria-valuetext', value.textContent);
  };
  sync();
  return { el, sync };
}
