// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { drawFirstPixels } from './firstPixels.ts';
import { createSvgController } from './svgController.ts';
import { sizedMarks, sizeScale } from './layout.ts';
import { fixtureGeometry, fixtureMark } from '../../tests/unit/geoFixture.ts';

function page() {
  document.body.replaceChildren();
  const mapEl = document.createElement('div');
  mapEl.className = 'map';
  document.body.append(mapEl);
  return mapEl;
}

describe('first pixels taken over by the SVG map', () => {
  it('is the page’s SVG map: one drawing, the page’s name and handlers, removed with the map', () => {
    const mapEl = page();
    const geo = fixtureGeometry();
    const fp = drawFirstPixels(mapEl, geo, 'zh', new Set(['east', 'central', 'west', 'northeast']));
    const early = mapEl.querySelector('.map-first-pixels svg.svg-map');
    expect(early).not.toBeNull();
    expect(mapEl.querySelector('.map-first-pixels')!.getAttribute('aria-hidden')).toBe('true');

    const onSelect = vi.fn();
    const scale = sizeScale([400]);
    const map = createSvgController(mapEl, { geo, lang: 'zh', sectorColor: () => '#0072B2', onHover: () => undefined, onSelect, ariaLabel: '产业集群地图' }, scale, fp);
    expect(mapEl.querySelectorAll('svg.svg-map')).toHaveLength(1);
    expect(mapEl.querySelector('svg.svg-map')).toBe(early);
    expect(early!.getAttribute('aria-label')).toBe('产业集群地图');
    const host = mapEl.querySelector('.map-first-pixels')!;
    expect(host.hasAttribute('aria-hidden')).toBe(false);
    expect(host.classList.contains('is-adopted')).toBe(true);

    map.update(sizedMarks([fixtureMark('a', { lon: 105, lat: 35, value: 400 })], scale), null, new Set(['west']));
    const mark = mapEl.querySelector<SVGCircleElement>('circle.mark[data-cluster="a"]')!;
    expect(mark.getAttribute('fill')).toBe('#0072B2');
    mark.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect).toHaveBeenCalledWith('a');

    // Taken once: a second map draws its own; remove() leaves the taken drawing alone.
    expect(fp.adopt({ sectorColor: () => '#000', onHover: () => undefined, onSelect: () => undefined, ariaLabel: '' })).toBeNull();
    fp.remove();
    expect(mapEl.querySelector('svg.svg-map')).toBe(early);
    map.destroy();
    expect(mapEl.querySelector('.map-first-pixels')).toBeNull();
    expect(mapEl.querySelector('svg.svg-map')).toBeNull();
  });

  it('a removed drawing is not taken: the SVG map draws its own', () => {
    const mapEl = page();
    const geo = fixtureGeometry();
    const fp = drawFirstPixels(mapEl, geo, 'en', new Set(['east']));
    fp.remove();
    createSvgController(mapEl, { geo, lang: 'en', sectorColor: () => '#0072B2', onHover: () => undefined, onSelect: () => undefined, ariaLabel: 'map' }, sizeScale([1]), fp);
    expect(mapEl.querySelector('.map-first-pixels')).toBeNull();
    expect(mapEl.querySelectorAll(':scope > svg.svg-map')).toHaveLength(1);
  });
});
