// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { render } from './render.ts';
import { normalizeSvg } from '../shared/testing.ts';
import { chartAtlas } from '../../../tests/unit/chartFixture.ts';

const series = derive(chartAtlas(), { metric: 'output', stage: 'target-1' });

describe('regions render', () => {
  it.each(['zh', 'en'] as const)('draws the same picture (%s)', (lang) => {
    expect(normalizeSvg(render(series, { width: 640, lang }, document))).toMatchSnapshot();
  });

  it('is an accessible image with a generated description', () => {
    const svg = render(series, { width: 800, lang: 'en' }, document);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 800 \d+/);
    expect(svg.querySelector('title')!.textContent).toBe('Regions compared');
    expect(svg.querySelector('desc')!.textContent).toContain('East has 4 clusters');
    expect(svg.querySelector('desc')!.textContent).toContain('Central not comparable');
  });

  it('says "not comparable" instead of drawing a bar', () => {
    const svg = render(series, { width: 360, lang: 'en' }, document);
    expect(svg.querySelectorAll('.bar-sum')).toHaveLength(2);
    expect([...svg.querySelectorAll('.not-comparable')].map((n) => n.getAttribute('data-region'))).toEqual(['central', 'west']);
  });

  it('marks the highlighted region', () => {
    const svg = render(series, { width: 640, highlight: 'west' }, document);
    expect([...svg.querySelectorAll('.is-highlighted')].every((n) => n.getAttribute('data-region') === 'west')).toBe(true);
    expect(svg.querySelectorAll('.is-highlighted').length).toBeGreaterThan(0);
  });

  it('refuses invalid options clearly', () => {
    expect(() => render(series, { width: 150 }, document)).toThrow(/width must be between 200/);
    expect(() => render(series, {} as { width: number }, document)).toThrow(/width is required/);
    expect(() => render(series, { width: 400, lang: 'fr' as 'en' }, document)).toThrow(/lang/);
  });
});
