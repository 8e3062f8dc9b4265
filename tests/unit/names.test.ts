import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { clusterLabel, clusterLabels } from '../../src/data/names.ts';
import { shortPlaceZh, placeNames } from '../../scripts/build-data.ts';
import { buildAtlas } from '../../src/data/validate.ts';
import { TABLES, type Atlas, type ClusterRow, type SiteRow } from '../../src/data/schema.ts';

const places = { '210200': '大连', '610000': '陕西', '320200': '无锡', '370200': '青岛', '370600': '烟台', '210000': '辽宁' };
const regions = [
  { adcode: '210000', name_zh: '辽宁省', name_en: 'Liaoning', region: 'northeast' as const },
  { adcode: '610000', name_zh: '陕西省', name_en: 'Shaanxi', region: 'west' as const },
];
const cluster = (o: Partial<ClusterRow>) => ({ id: 'c', name_zh: '石化产业集群', name_en: 'Dalian petrochemicals', province_adcode: '210000', prefecture_adcode: '210200', ...o }) as ClusterRow;
const site = (adcode: string, precision: SiteRow['precision'] = 'county', place_en = 'Somewhere') => ({ adcode, precision, place_en });

describe('place-qualified cluster names', () => {
  it('says the place a name leaves out, from the prefecture, else the province', () => {
    expect(clusterLabel(cluster({}), { regions, places }, [site('210281'), site('210213')])).toEqual({ zh: '大连·石化产业集群', en: 'Dalian petrochemicals' });
    expect(clusterLabel(cluster({ name_zh: '汽车产业集群', name_en: 'Shaanxi automotive', province_adcode: '610000', prefecture_adcode: null }), { regions, places }, [site('610000', 'province', 'Shaanxi')])).toEqual({ zh: '陕西·汽车产业集群', en: 'Shaanxi automotive' });
  });

  it('leaves a name that says its place, and a cluster over several cities, as they are', () => {
    expect(clusterLabel(cluster({ name_zh: '无锡市物联网集群', name_en: 'Wuxi Internet of Things', prefecture_adcode: '320200' }), { regions, places }, [site('320200', 'prefecture', 'Wuxi')]).zh).toBe('无锡市物联网集群');
    expect(clusterLabel(cluster({ name_zh: '青烟威船舶与海洋工程装备集群', prefecture_adcode: '370200' }), { regions, places }, [site('370200', 'prefecture'), site('370600', 'prefecture')]).zh).toBe('青烟威船舶与海洋工程装备集群');
  });

  it('adds an English place only where the data gives one and the name lacks it', () => {
    expect(clusterLabel(cluster({ name_en: 'Petrochemicals' }), { regions, places }, [site('210200', 'prefecture', 'Dalian')]).en).toBe('Dalian · Petrochemicals');
    expect(clusterLabel(cluster({ name_en: 'Petrochemicals' }), { regions, places }, [site('210281')]).en).toBe('Petrochemicals');
  });

  it('shortens place names the usual way', () => {
    expect(['大连市', '凉山彝族自治州', '大兴安岭地区', '锡林郭勒盟', '黔东南苗族侗族自治州'].map(shortPlaceZh)).toEqual(['大连', '凉山', '大兴安岭', '锡林郭勒', '黔东南']);
  });

  it('every cluster of the committed data says its place (no two labels alike)', () => {
    const atlas = buildAtlas(Object.fromEntries(Object.keys(TABLES).map((n) => [n, readFileSync(`data/${n}`, 'utf8')]))).atlas as Atlas;
    const topo = readFileSync('data/geo/prefectures.topo.json', 'utf8');
    const labelled = clusterLabels({ ...atlas, places: placeNames(topo, atlas.regions) });
    const zh = [...labelled.values()].map((l) => l.zh);
    expect(new Set(zh).size).toBe(zh.length);
    expect(labelled.get('dalian-petrochem')?.zh).toBe('大连·石化产业集群');
  });
});
