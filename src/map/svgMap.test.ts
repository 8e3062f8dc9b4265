// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { createSvgMap } from './svgMap.ts';
import { sizeScale } from './layout.ts';
import { fixtureGeometry, fixtureMark } from '../../tests/unit/geoFixture.ts';
import { NEUTRAL_MARK } from '../theme/palette.ts';

function setup(lang: 'zh' | 'en' = 'zh') {
  document.body.replaceChildren();
  const host = document.createElement('div');
  document.body.append(host);
  const onHover = vi.fn();
  const onSelect = vi.fn();
  const map = createSvgMap(host, { geo: fixtureGeometry(), lang, sectorColor: () => '#0072B2', onHover, onSelect, ariaLabel: 'map' });
  const marks = [
    fixtureMark('a', { lon: 105, lat: 35, value: 400, others: [[106, 33]] }),
    fixtureMark('b', { lon: 105, lat: 35, precision: 'province', value: 100 }),
    fixtureMark('c', { lon: 124, lat: 44, value: null, region: 'northeast', name: '<img src=x onerror=alert(1)>' }),
  ];
  map.update(marks, sizeScale([400, 100]), null, new Set(['west', 'northeast', 'east']));
  return { host, map, onHover, onSelect };
}

describe('SVG fallback map', () => {
  it('draws one mark per cluster and a dot per other site', () => {
    const { host } = setup();
    expect(host.querySelectorAll('circle.mark')).toHaveLength(3);
    expect(host.querySelectorAll('circle.site[data-cluster="a"]')).toHaveLength(1);
  });

  it('draws province-only clusters hollow and clusters without a figure neutral', () => {
    const { host } = setup();
    const b = host.querySelector('circle.mark[data-cluster="b"]')!;
    expect(b.getAttribute('fill')).toBe('none');
    expect(b.classList.contains('is-hollow')).toBe(true);
    const c = host.querySelector('circle.mark[data-cluster="c"]')!;
    expect(c.getAttribute('fill')).not.toBe('#0072B2');
    expect(host.querySelector('circle.mark[data-cluster="a"]')!.getAttribute('fill')).toBe('#0072B2');
  });

  it('packs marks that share a point instead of stacking them', () => {
    const { host } = setup();
    const pos = (id: string) => ['cx', 'cy'].map((k) => Number(host.querySelector(`circle.mark[data-cluster="${id}"]`)!.getAttribute(k)));
    expect(pos('a')).not.toEqual(pos('b'));
  });

  it('highlights every part of the hovered cluster and selects on click', () => {
    const { host, onHover, onSelect } = setup();
    const mark = host.querySelector('circle.mark[data-cluster="a"]')!;
    mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: 5, clientY: 6 }));
    expect(onHover).toHaveBeenCalledWith('a', expect.any(Number), expect.any(Number));
    for (const el of host.querySelectorAll('[data-cluster="a"]')) expect(el.classList.contains('is-hot')).toBe(true);
    expect(host.querySelector('[data-cluster="b"]')!.classList.contains('is-hot')).toBe(false);
    mark.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect).toHaveBeenCalledWith('a');
  });

  it('dims provinces of regions not shown', () => {
    const { host, map } = setup();
    map.update([], sizeScale([1]), null, new Set(['northeast']));
    expect(host.querySelector('path.province[data-region="west"]')!.classList.contains('is-dim')).toBe(true);
    expect(host.querySelector('path.province[data-region="northeast"]')!.classList.contains('is-dim')).toBe(false);
  });

  it('draws a crowd with no room as one ring with its count, titled with its first names and how many more', () => {
    const { host, map } = setup('en');
    const crowd = Array.from({ length: 45 }, (_, i) => fixtureMark(`k${String(i).padStart(2, '0')}`, { lon: 105, lat: 35, value: 100, name: `N${String(i).padStart(2, '0')}` }));
    map.update(crowd, sizeScale([100]), null, new Set(['west']));
    const ring = host.querySelector('g.mark-group')!;
    expect(ring.getAttribute('data-count')).toBe('45');
    expect(ring.querySelector('text')!.textContent).toBe('45');
    const lines = ring.querySelector('title')!.textContent!.split('\n');
    expect(lines.slice(0, 3)).toEqual(['N00', 'N01', 'N02']);
    expect(lines).toHaveLength(31);
    expect(lines[30]).toBe('… and 15 more');
  });

  it('labels provinces in the current language', () => {
    expect(setup('zh').host.textContent).toContain('陕西');
    expect(setup('en').host.textContent).toContain('Shaanxi');
  });

  it('renders names from data as text, never as markup', () => {
    const { host } = setup();
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('circle.mark[data-cluster="c"] title')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });
  it('colours a mark without a figure neutral and a hollow ring by its sector', () => {
    const { host } = setup();
    expect(host.querySelector('circle.mark[data-cluster="c"]')!.getAttribute('fill')).toBe(NEUTRAL_MARK);
    const b = host.querySelector('circle.mark[data-cluster="b"]')!;
    expect(b.getAttribute('stroke')).toBe('#0072B2');
    expect(Number(b.getAttribute('stroke-width'))).toBeGreaterThan(Number(host.querySelector('circle.mark[data-cluster="a"]')!.getAttribute('stroke-width')));
  });

  it('keeps marks out of the tab order (the list is the keyboard alternative)', () => {
    const { host } = setup();
    expect(host.querySelectorAll('[tabindex]')).toHaveLength(0);
  });

  it('clears the hover when the pointer leaves the map', () => {
    const { host, onHover } = setup();
    host.querySelector('circle.site[data-cluster="a"]')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(host.querySelector('circle.mark[data-cluster="a"]')!.classList.contains('is-hot')).toBe(true);
    host.querySelector('svg')!.dispatchEvent(new MouseEvent('mouseleave'));
    expect(onHover).toHaveBeenLastCalledWith(null, expect.any(Number), expect.any(Number));
    expect(host.querySelectorAll('.is-hot')).toHaveLength(0);
  });

  it('highlights from outside without reporting a hover, and marks the selected cluster', () => {
    const { host, map, onHover } = setup();
    map.highlight('c');
    expect(host.querySelector('circle.mark[data-cluster="c"]')!.classList.contains('is-hot')).toBe(true);
    expect(onHover).not.toHaveBeenCalled();
    map.highlight(null);
    expect(host.querySelectorAll('.is-hot')).toHaveLength(0);
    map.update([fixtureMark('a', { lon: 105, lat: 35, others: [[106, 33]] })], sizeScale([100]), 'a', new Set(['west']));
    expect(host.querySelectorAll('.is-selected[data-cluster="a"]')).toHaveLength(2);
  });

  it("moves a province's name above the packed group standing at its label point", () => {
    const { host } = setup('en');
    const label = [...host.querySelectorAll('text.province-label')].find((t) => t.textContent === 'Shaanxi')!;
    const top = Math.min(...['a', 'b'].map((id) => host.querySelector(`circle.mark[data-cluster="${id}"]`)!).map((c) => Number(c.getAttribute('cy')) - Number(c.getAttribute('r'))));
    expect(Number(label.getAttribute('y'))).toBeLessThan(top);
  });

  it('places the inset in the lower right and removes everything on destroy', () => {
    const { host, map } = setup();
    const inset = host.querySelector('svg.svg-map > g > svg.scs-inset')!;
    expect(Number(inset.getAttribute('x'))).toBeGreaterThan(400);
    expect(Number(inset.getAttribute('y'))).toBeGreaterThan(300);
    map.destroy();
    expect(host.children).toHaveLength(0);
  });
});
