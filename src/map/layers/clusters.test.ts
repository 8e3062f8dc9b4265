import { describe, it, expect } from 'vitest';
import { clusterLayers, placedPosition, hexToRgba, layoutAtZoom } from './clusters.ts';
import { sizedMarks, sizeScale } from '../layout.ts';
import { fixtureMark } from '../../../tests/unit/geoFixture.ts';
import { NEUTRAL_MARK, MARK_STROKE } from '../../theme/palette.ts';

const marks = [
  fixtureMark('a', { lon: 121.6, lat: 38.9, value: 400, others: [[122, 39.5]] }),
  fixtureMark('b', { lon: 108, lat: 34, precision: 'province', value: 100 }),
  fixtureMark('c', { lon: 108, lat: 34, precision: 'province', value: null }),
];
const placed = sizedMarks(marks, sizeScale([400, 100]));
const layers = (hot: string | null = null) =>
  clusterLayers({ placed, zoom: 5, sectorColor: () => '#0072B2', hotId: hot, selectedId: null });
type Acc = (d: unknown) => number[] | number;
const accessor = (layerId: string, prop: string, hot: string | null = null) => (layers(hot).find((l) => l.id === layerId)!.props as unknown as Record<string, Acc>)[prop]!;
const markDatum = (id: string) => ({ p: placed.find((p) => p.mark.cluster.id === id)!, pos: [0, 0] });

describe('deck.gl cluster layers', () => {
  it('keeps stable layer ids', () => {
    expect(layers().map((l) => l.id)).toEqual(['cluster-leaders', 'cluster-links', 'cluster-sites', 'cluster-marks', 'cluster-groups']);
  });

  it('gives every style as an accessor (one vertex layout per layer type, so one pipeline each)', () => {
    for (const layer of layers('a')) {
      const props = layer.props as unknown as Record<string, unknown>;
      const styles = Object.keys(props).filter((k) => /^get[A-Z]/.test(k) && props[k] !== undefined);
      expect(styles.length).toBeGreaterThan(0);
      for (const k of styles) expect(typeof props[k], `${layer.id}.${k}`).toBe('function');
    }
  });

  it('colours by sector with a figure, neutral without, and draws province-only clusters as rings', () => {
    const fill = accessor('cluster-marks', 'getFillColor');
    const line = accessor('cluster-marks', 'getLineColor');
    expect((fill(markDatum('a')) as number[]).slice(0, 3)).toEqual(hexToRgba('#0072B2').slice(0, 3));
    expect((fill(markDatum('b')) as number[])[3]).toBeLessThan(60); // hollow: almost no fill
    expect((line(markDatum('b')) as number[]).slice(0, 3)).toEqual(hexToRgba('#0072B2').slice(0, 3));
    expect((line(markDatum('c')) as number[]).slice(0, 3)).toEqual(hexToRgba(MARK_STROKE).slice(0, 3));
    expect((fill(markDatum('c')) as number[]).slice(0, 3)).not.toEqual(hexToRgba(NEUTRAL_MARK).slice(0, 3)); // hollow, not grey-filled
  });

  it('thickens the hovered cluster and shows its links only then', () => {
    const width = accessor('cluster-marks', 'getLineWidth');
    expect(width(markDatum('a'))).toBe(1);
    expect(accessor('cluster-marks', 'getLineWidth', 'a')(markDatum('a'))).toBe(3);
    const dot = { site: marks[0]!.others[0], clusterId: 'a', color: '#0072B2', from: [0, 0] };
    expect((accessor('cluster-links', 'getColor')(dot) as number[])[3]).toBe(0);
    expect((accessor('cluster-links', 'getColor', 'a')(dot) as number[])[3]).toBeGreaterThan(0);
  });

  it('places packed marks apart by their pixel offsets, lone marks at their site', () => {
    // b and c at one point, both with a figure: the layout packs them apart.
    const pair = [marks[0]!, marks[1]!, fixtureMark('c', { lon: 108, lat: 34, precision: 'province', value: 50 })];
    const laid = layoutAtZoom(sizedMarks(pair, sizeScale([400, 100])), 5).placed;
    const a = laid.find((p) => p.mark.cluster.id === 'a')!;
    expect(placedPosition(a, 5)).toEqual([121.6, 38.9]);
    const [b, c] = ['b', 'c'].map((id) => placedPosition(laid.find((p) => p.mark.cluster.id === id)!, 5));
    expect(b).not.toEqual(c);
    expect(Math.abs(b![0] - 108)).toBeLessThan(1);
  });

  it('groups province-only marks that would spread beyond their province at a low zoom, and splits them zoomed in', () => {
    const many = Array.from({ length: 30 }, (_, i) => fixtureMark(`p${String(i).padStart(2, '0')}`, { lon: 108, lat: 34, precision: 'province', value: null }));
    const packedMany = sizedMarks(many, sizeScale([400]));
    const shaanxi = new Map([['610000', [[105.5, 31.7], [111.2, 39.6]] as [[number, number], [number, number]]]]);
    const far = layoutAtZoom(packedMany, 3, shaanxi);
    expect([far.placed.length, far.groups.length, far.groups[0]?.ids.length]).toEqual([0, 1, 30]);
    const near = layoutAtZoom(packedMany, 6.5, shaanxi);
    expect([near.placed.length, near.groups.length]).toEqual([30, 0]);
  });
});
