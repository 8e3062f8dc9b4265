// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { renderInset } from './inset.ts';
import { fixtureGeometry } from '../../tests/unit/geoFixture.ts';

describe('南海诸岛 inset', () => {
  for (const [lang, title, islands] of [
    ['zh', '南海诸岛', ['黄岩岛', '曾母暗沙']],
    ['en', 'South China Sea Islands', ['Huangyan', 'Zengmu']],
  ] as const) {
    it(`has its title, the dashes and both islands (${lang})`, () => {
      const svg = renderInset(document, fixtureGeometry(), lang);
      const text = svg.textContent ?? '';
      const titleLines = [...svg.querySelectorAll('.scs-inset-title tspan')].map((t) => t.textContent).join(lang === 'zh' ? '' : ' ');
      expect(titleLines).toBe(title);
      for (const i of islands) expect(text).toContain(i);
      expect(svg.querySelectorAll('.scs-dash').length).toBeGreaterThan(0);
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+/);
    });
  }

  it('draws every dash, a point for each island, shortened English names and no figures', () => {
    const geo = fixtureGeometry();
    const zh = renderInset(document, geo, 'zh');
    const en = renderInset(document, geo, 'en');
    expect(zh.querySelectorAll('.scs-dash')).toHaveLength(geo.scs.features.filter((f) => f.properties.kind === 'dash').length);
    expect(zh.querySelectorAll('circle.scs-island')).toHaveLength(2);
    expect(zh.textContent).toContain('南沙群岛');
    expect([...en.querySelectorAll('.scs-name')].map((t) => t.textContent)).toContain('Huangyan I.');
    expect(en.textContent).toContain('Nansha Is.');
    expect(zh.getAttribute('aria-label')).not.toBe(en.getAttribute('aria-label'));
    expect(zh.querySelectorAll('[data-cluster], .mark')).toHaveLength(0);
    expect(zh.querySelector('path[data-adcode="460000"]')).not.toBeNull();
  });
  it('draws once per geometry and language, and hands out separate copies', () => {
    const geo = fixtureGeometry();
    const a = renderInset(document, geo, 'zh');
    const b = renderInset(document, geo, 'zh');
    expect(b).not.toBe(a);
    expect(b.outerHTML).toBe(a.outerHTML);
    // A copy placed and sized by one map does not move another's.
    a.setAttribute('x', '10');
    expect(renderInset(document, geo, 'zh').hasAttribute('x')).toBe(false);
    expect(renderInset(document, geo, 'en').outerHTML).not.toBe(b.outerHTML);
  });
});
