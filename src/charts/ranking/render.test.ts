// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { derive } from './derive.ts';
import { render } from './render.ts';
import { normalizeSvg } from '../shared/testing.ts';
import { clusterMarks } from '../../data/marks.ts';
import { REGION_IDS } from '../../data/schema.ts';
import { chartAtlas } from '../../../tests/unit/chartFixture.ts';

const atlas = chartAtlas();
const view = { metric: 'output', stage: 'target-1' as const };
const series = derive(atlas, clusterMarks(atlas, { regions: REGION_IDS, sectors: [], ...view }), view);

describe('ranking render', () => {
  it.each(['zh', 'en'] as const)('draws the same picture (%s)', (lang) => {
    expect(normalizeSvg(render(series, { width: 640, lang }, document))).toMatchSnapshot();
  });

  it('hatches thresholds, starts bars at zero, lists no-figure clusters last when asked', () => {
    const svg = render(series, { width: 800, lang: 'en', listNoFigure: true }, document);
    const threshold = svg.querySelector('[data-cluster="e-threshold"] .bar-threshold')!;
    expect(threshold.getAttribute('fill')).toBe('url(#ca-ranking-hatch-east)');
    expect(svg.querySelector('#ca-ranking-hatch-east')).not.toBeNull();
    const xs = new Set([...svg.querySelectorAll('.bar:not(.bar-range-upper)')].map((b) => b.getAttribute('x')));
    expect(xs.size).toBe(1);
    const rows = [...svg.querySelectorAll('.row')].map((r) => r.getAttribute('class'));
    expect(rows.slice(-4).every((c) => c!.includes('row-no-figure'))).toBe(true);
    expect(svg.querySelector('[data-cluster="e-threshold"] .value-label')!.textContent).toBe('\u2265 100 billion yuan');
  });

  it('highlights a cluster or a whole region', () => {
    const one = render(series, { width: 640, highlight: 'w-range' }, document);
    expect([...one.querySelectorAll('.is-highlighted')].map((n) => n.getAttribute('data-cluster'))).toEqual(['w-range']);
    const west = render(series, { width: 640, highlight: 'west', listNoFigure: true }, document);
    expect(west.querySelectorAll('.is-highlighted[data-region="west"]')).toHaveLength(3);
  });

  it('summarises the clusters without a figure in one line by default: no wall of empty rows', () => {
    const svg = render(series, { width: 640, lang: 'zh' }, document);
    expect(svg.querySelectorAll('.row-no-figure')).toHaveLength(0);
    expect(svg.querySelector('.no-figure-summary')!.textContent).toBe('\u53e6\u6709 4 \u4e2a\u96c6\u7fa4\u65e0\u6b64\u9879\u6570\u5b57');
  });

  it('keeps hostile names as text and summarises no-figure clusters on request', () => {
    const bent = structuredClone(atlas);
    bent.clusters.find((c) => c.id === 'e-point')!.name_en = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const s = derive(bent, clusterMarks(bent, { regions: REGION_IDS, sectors: [], ...view }), view);
    const svg = render(s, { width: 1920, lang: 'en', listNoFigure: false }, document);
    expect(svg.querySelector('script, img')).toBeNull();
    expect(svg.textContent).toContain('<script>alert(1)</script>');
    expect(svg.querySelector('.no-figure-summary')!.textContent).toBe('4 more clusters have no figure for this');
    expect(() => render(s, { width: 640, listNoFigure: 'yes' as unknown as boolean }, document)).toThrow(/listNoFigure/);
  });
});
