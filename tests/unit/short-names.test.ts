import { describe, it, expect } from 'vitest';
import { shortNameZh } from '../../scripts/build-data.ts';

describe('short province names for map labels', () => {
  it('drops the administrative suffix', () => {
    expect(['河北省', '北京市', '广西壮族自治区', '宁夏回族自治区', '新疆维吾尔自治区', '内蒙古自治区', '西藏自治区', '香港特别行政区', '澳门特别行政区', '台湾省'].map(shortNameZh)).toEqual([
      '河北', '北京', '广西', '宁夏', '新疆', '内蒙古', '西藏', '香港', '澳门', '台湾',
    ]);
  });
});

describe('province label properties from the data build', () => {
  it('ranks every province by its spherical area, Xinjiang first, each rank once', async () => {
    const { readFileSync } = await import('node:fs');
    const { withLabelProps } = await import('../../scripts/build-data.ts');
    const topo = JSON.parse(readFileSync(new URL('../../data/geo/provinces.topo.json', import.meta.url), 'utf8'));
    const geoms = (withLabelProps(topo) as typeof topo).objects.provinces.geometries as { properties: { adcode: string; short_zh: string; label_rank: number } }[];
    const ranks = geoms.map((g) => g.properties.label_rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(geoms.map((_, i) => i));
    const byRank = [...geoms].sort((a, b) => a.properties.label_rank - b.properties.label_rank).map((g) => g.properties.adcode);
    expect(byRank.slice(0, 3)).toEqual(['650000', '540000', '150000']); // 新疆, 西藏, 内蒙古
    expect(byRank.at(-1)).toBe('820000'); // 澳门
    expect(geoms.every((g) => g.properties.short_zh.length > 0)).toBe(true);
  });
});
