import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Gazetteer, shortForms, type GazetteerJson } from '../../../src/import/gazetteer.ts';

const json = JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/gazetteer/places.json'), 'utf8')) as GazetteerJson;
const gz = new Gazetteer(json);
const code = (s: string) => {
  const r = gz.resolve(s);
  return r.kind === 'found' ? r.place.adcode : r.kind === 'ambiguous' ? `ambiguous:${r.candidates.map((p) => p.adcode).join(',')}` : 'none';
};

describe('gazetteer', () => {
  it('holds every province, prefecture and county of the 2023 codes, each with a point inside China', () => {
    const levels = { province: 0, prefecture: 0, county: 0 };
    for (const p of gz.places.values()) {
      levels[p.level]++;
      expect(p.lon).toBeGreaterThan(73);
      expect(p.lon).toBeLessThan(136);
      expect(p.lat).toBeGreaterThan(3);
      expect(p.lat).toBeLessThan(54);
    }
    expect(levels.province).toBe(31);
    expect(levels.prefecture).toBeGreaterThan(330);
    expect(levels.county).toBeGreaterThan(2800);
  });

  it('resolves a county by its name, with its prefecture, with province and prefecture, and by short forms', () => {
    for (const s of ['安平县', '衡水市安平县', '河北省衡水市安平县', '河北安平县', '衡水安平', '河北省 衡水市 安平县', '中国河北省衡水市安平县', '131125']) expect(code(s), s).toBe('131125');
    expect(code('河北省')).toBe('130000');
    expect(code('河北')).toBe('130000');
    expect(code('衡水市')).toBe('131100');
    expect(code('延边朝鲜族自治州')).toBe('222400');
    expect(code('延边')).toBe('222400');
    expect(code('北京市朝阳区')).toBe('110105');
    expect(code('内蒙古')).toBe('150000');
  });

  it('resolves former names and codes to the current unit', () => {
    expect(code('冀州市')).toBe('131103');
    expect(code('衡水市冀州市')).toBe('131103');
    expect(code('131181')).toBe('131103');
    expect(code('普兰店市')).toBe('210214');
    expect(code('130428')).toBe('130407');
    expect(code('肥乡县')).toBe('130407');
    expect(code('邯郸市肥乡县')).toBe('130407');
  });

  it('lists the candidates of an ambiguous name, and narrows them with the province or city', () => {
    expect(code('朝阳区')).toMatch(/^ambiguous:.*110105.*220104/);
    expect(code('长春市朝阳区')).toBe('220104');
    expect(code('通州')).toMatch(/^ambiguous:110112,320612$/);
    expect(code('吉林')).toMatch(/^ambiguous:220000,220200$/);
    expect(code('吉林市')).toBe('220200');
  });

  it('does not resolve a name that is not a place, or a place under the wrong province', () => {
    expect(code('火星')).toBe('none');
    expect(code('')).toBe('none');
    expect(code('广东省安平县')).toBe('none');
    expect(code('<script>alert(1)</script>')).toBe('none');
  });

  it('short forms strip the suffix and the ethnic names, never to a single character', () => {
    expect(shortForms('孟村回族自治县', 'county')).toContain('孟村');
    expect(shortForms('赵县', 'county')).toEqual([]);
    expect(shortForms('广西壮族自治区', 'province')).toContain('广西');
  });

  it('places a county with no seat point of its own at its prefecture, and says so', () => {
    const p = gz.places.get('130921')!; // 沧县
    expect(p.precision).toBe('prefecture');
    expect(p.coordNote).toBe('prefecture-seat');
  });
});
