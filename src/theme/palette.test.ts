/** The palettes stay distinguishable for the common colour-vision deficiencies and carry their text. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { REGION_COLORS, SECTOR_PALETTE, NEUTRAL_MARK, MARK_STROKE, BASE, MAP_PALETTES } from './palette.ts';

type RGB = [number, number, number];
const hex = (h: string): RGB => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as RGB;
const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const gam = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** Machado, Oliveira & Fernandes (2009) full-severity simulation matrices, in linear RGB. */
const CVD: Record<string, number[][]> = {
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
};
function simulate(c: RGB, m: number[][]): RGB {
  const l = c.map(lin);
  return m.map((row) => gam(Math.min(1, Math.max(0, row[0]! * l[0]! + row[1]! * l[1]! + row[2]! * l[2]!)))) as RGB;
}
function lab(c: RGB): RGB {
  const [r, g, b] = c.map(lin) as RGB;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const dE = (a: RGB, b: RGB) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));
function luminance(c: RGB) {
  const [r, g, b] = c.map(lin) as RGB;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: RGB, b: RGB) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
};

function minPairDistance(colors: string[], vision: number[][] | null): number {
  let min = Infinity;
  for (let i = 0; i < colors.length; i++)
    for (let j = i + 1; j < colors.length; j++) {
      const a = hex(colors[i]!), b = hex(colors[j]!);
      min = Math.min(min, vision ? dE(simulate(a, vision), simulate(b, vision)) : dE(a, b));
    }
  return min;
}

describe('palettes', () => {
  const regions = [REGION_COLORS.east, REGION_COLORS.central, REGION_COLORS.west, REGION_COLORS.northeast];
  it('the simulation itself separates red and green normally and merges them for deuteranopes', () => {
    expect(dE(hex('#FF0000'), hex('#00FF00'))).toBeGreaterThan(80);
    expect(dE(simulate(hex('#D55E00'), CVD['deuteranopia']!), simulate(hex('#009E73'), CVD['deuteranopia']!))).toBeLessThan(dE(hex('#D55E00'), hex('#009E73')));
  });

  for (const [vision, m] of [['normal vision', null], ['deuteranopia', CVD['deuteranopia']!], ['protanopia', CVD['protanopia']!]] as const) {
    it(`keeps the four region fills apart (${vision})`, () => {
      expect(minPairDistance(regions, m)).toBeGreaterThan(12);
    });
    it(`keeps the sector colours and the no-figure grey apart (${vision})`, () => {
      expect(minPairDistance([...SECTOR_PALETTE, NEUTRAL_MARK], m)).toBeGreaterThan(15);
    });
  }

  it('labels on region fills reach WCAG AA for text (4.5:1)', () => {
    for (const c of regions) expect(contrast(hex(BASE.label), hex(c)), c).toBeGreaterThanOrEqual(4.5);
  });

  it('mark outlines reach 3:1 against the sea and every region fill', () => {
    for (const bg of [BASE.sea, ...regions]) expect(contrast(hex(MARK_STROKE), hex(bg)), bg).toBeGreaterThanOrEqual(3);
  });

  for (const [theme, p] of Object.entries(MAP_PALETTES)) {
    const fills = [p.fills.east, p.fills.central, p.fills.west, p.fills.northeast];
    it(`map (${theme}): the muted region fills stay apart, also for deuteranopes and protanopes`, () => {
      for (const m of [null, CVD['deuteranopia']!, CVD['protanopia']!]) expect(minPairDistance(fills, m)).toBeGreaterThan(12);
      for (const f of fills) expect(dE(hex(f), hex(p.sea)), f).toBeGreaterThan(15);
    });
    it(`map (${theme}): the fills are muted, every sector colour carries at least 1.6 times their colourfulness`, () => {
      const chroma = (c: string) => Math.hypot(lab(hex(c))[1], lab(hex(c))[2]);
      const quietest = Math.min(...SECTOR_PALETTE.filter((c) => chroma(c) > 10).map(chroma));
      for (const f of fills) expect(chroma(f) * 1.6, f).toBeLessThanOrEqual(quietest);
    });
    it(`map (${theme}): every sector colour stands apart from every fill (ΔE ≥ 25), also for deuteranopes`, () => {
      for (const m of [null, CVD['deuteranopia']!])
        for (const s of SECTOR_PALETTE)
          for (const f of fills) {
            const d = m ? dE(simulate(hex(s), m), simulate(hex(f), m)) : dE(hex(s), hex(f));
            expect(d, `${s} on ${f}`).toBeGreaterThanOrEqual(25);
          }
    });
    it(`map (${theme}): mark outlines reach 3:1 and names 4.5:1 against the sea and every fill`, () => {
      for (const bg of [p.sea, ...fills, p.fills.none]) {
        expect(contrast(hex(p.markStroke), hex(bg)), bg).toBeGreaterThanOrEqual(3);
        expect(contrast(hex(p.label), hex(bg)), bg).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it("the page's CSS map colours (base.css --map-*) are the palette's, in both themes", () => {
    const css = readFileSync(new URL('../styles/base.css', import.meta.url), 'utf8');
    const vars = (selector: string) => {
      const block = css.slice(css.indexOf(selector)).split('}')[0]!;
      return Object.fromEntries([...block.matchAll(/--map-([a-z-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]!.trim()]));
    };
    for (const [theme, selector] of [['light', ':root {'], ['dark', ":root[data-theme='dark'] {"], ['dark', ":root:not([data-theme='light']) {"]] as const) {
      const p = MAP_PALETTES[theme];
      expect(vars(selector), selector).toEqual({
        sea: p.sea, east: p.fills.east, central: p.fills.central, west: p.fills.west, northeast: p.fills.northeast, none: p.fills.none,
        border: p.border, nation: p.nation, label: p.label, 'label-halo': p.labelHalo, dash: p.dash, 'mark-stroke': p.markStroke,
      });
    }
  });
});
