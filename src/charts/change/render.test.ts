// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { render } from './render.ts';
import { realAtlas } from '../../../tests/unit/chartFixture.ts';
import { layerAtlas } from '../../data/layers.ts';
import { moneyMetric } from '../shared/money.ts';
import { measure } from '../shared/layout.ts';

const atlas = layerAtlas(realAtlas(), {});
const series = derive(atlas, { metric: moneyMetric(atlas, 'output') });

/** Each row's rate label: the x span its text covers (start-anchored or end-anchored), and the ring's x. */
function rows(svg: SVGSVGElement): { label: [number, number]; ring: number | null }[] {
  return [...svg.querySelectorAll('.rows .row')].map((row) => {
    const dot = row.querySelector('.dot')!;
    const ax = Number(dot.getAttribute('cx'));
    const label = [...row.querySelectorAll('text')].find((t) => /%$/.test(t.textContent ?? '') && Math.abs(Number(t.getAttribute('x')) - ax) <= 9.5)!;
    const x = Number(label.getAttribute('x'));
    const w = measure(label.textContent ?? '', Number(label.getAttribute('font-size')));
    const ring = row.querySelector('.planned');
    return { label: label.getAttribute('text-anchor') === 'end' ? [x - w, x] : [x, x + w], ring: ring ? Number(ring.getAttribute('cx')) : null };
  });
}

describe('change render', () => {
  it.each([375, 640, 1400])("at %i px no goal ring sits on a cluster's rate label, in either language", (width) => {
    expect(series.rows.some((r) => r.planned)).toBe(true);
    for (const lang of ['zh', 'en'] as const) {
      for (const fit of [false, true]) {
        const svg = render(series, { width, lang, fit, stretch: 0 } as Parameters<typeof render>[1], document);
        for (const r of rows(svg)) if (r.ring != null) expect(r.ring + 5 < r.label[0] || r.ring - 5 > r.label[1], `${lang} ${width} fit=${fit}: ring ${r.ring} on label ${r.label}`).toBe(true);
      }
    }
  });
});
