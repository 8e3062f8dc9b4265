// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { render } from './render.ts';
import { normalizeSvg } from '../shared/testing.ts';
import { chartAtlas } from '../../../tests/unit/chartFixture.ts';

const atlas = chartAtlas();
const series = derive(atlas);

describe('sectors render', () => {
  it.each(['zh', 'en'] as const)('draws the same picture (%s)', (lang) => {
    expect(normalizeSvg(render(series, { width: 640, lang }, document))).toMatchSnapshot();
  });
  it('stacks one segment per non-empty sector, marks and describes', () => {
    const svg = render(series, { width: 360, lang: 'en', highlight: 'west' }, document);
    expect(svg.querySelectorAll('.segment')).toHaveLength(2 + 1 + 3 + 3);
    expect(svg.querySelector('.is-highlighted')!.getAttribute('data-region')).toBe('west');
    expect(svg.querySelector('desc')!.textContent).toContain('East, 4 clusters');
  });
  it('keeps hostile sector names as text', () => {
    const bent = structuredClone(atlas);
    bent.sectors[0]!.name_en = '<script>alert(1)</script>';
    const svg = render(derive(bent), { width: 640, lang: 'en' }, document);
    expect(svg.querySelector('script')).toBeNull();
    expect(svg.textContent).toContain('<script>alert(1)</script>');
    expect(() => render(series, { width: 640, height: 10 }, document)).toThrow(/height/);
  });
});
