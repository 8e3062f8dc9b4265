import { describe, it, expect } from 'vitest';
import { shortNameZh } from '../../scripts/build-data.ts';

describe('short province names for map labels', () => {
  it('drops the administrative suffix', () => {
    expect(['河北省', '北京市', '广西壮族自治区', '宁夏回族自治区', '新疆维吾尔自治区', '内蒙古自治区', '西藏自治区', '香港特别行政区', '澳门特别行政区', '台湾省'].map(shortNameZh)).toEqual([
      '河北', '北京', '广西', '宁夏', '新疆', '内蒙古', '西藏', '香港', '澳门', '台湾',
    ]);
  });
});
