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
});
