/**
 * Names that stand alone: a cluster's name said with its place (大连·石化产业集群), so that rows from
 * several documents never read alike. The place comes from the data: the short name of the prefecture
 * the cluster is recorded in, else of its province (atlas.places, written by the data build). A name that
 * already says its place, or a cluster spread over several cities (whose name lists them), is left as it is.
 */
import type { Atlas, ClusterRow, SiteRow } from './schema.ts';
import { byCodeUnit } from './order.ts';

export interface ClusterLabel {
  zh: string;
  en: string;
}

/** The prefecture-level unit of an administrative code (a county's city; a province-level code stays). */
const prefectureOf = (adcode: string) => (adcode.endsWith('0000') ? adcode : `${adcode.slice(0, 4)}00`);

type NameAtlas = Pick<Atlas, 'clusters' | 'sites' | 'regions' | 'places'>;
type NameSite = Pick<SiteRow, 'adcode' | 'precision' | 'place_en'>;

/** Does a name already say this place (in full, or by its first two characters as 大盘 says 大连)? */
function says(name: string, place: string): boolean {
  return name.toLowerCase().includes(place.toLowerCase()) || (place.length > 2 && name.includes(place.slice(0, 2)));
}

export function clusterLabel(c: ClusterRow, atlas: Pick<NameAtlas, 'regions' | 'places'>, sites: readonly NameSite[]): ClusterLabel {
  // A cluster over several cities or provinces: its name is made of theirs (青烟威, 京津冀).
  if (new Set(sites.map((s) => prefectureOf(s.adcode))).size > 1) return { zh: c.name_zh, en: c.name_en };
  const home = c.prefecture_adcode ?? c.province_adcode;
  const placeZh = atlas.places?.[home] ?? atlas.places?.[c.province_adcode] ?? '';
  const zh = !placeZh || says(c.name_zh, placeZh) ? c.name_zh : `${placeZh}\u00b7${c.name_zh}`;
  // English: the name as curated says its place; one is added only where the data gives it in English (a
  // site standing for the whole prefecture or province, or the province itself) and the name lacks it.
  const whole = sites.find((s) => (s.precision === 'prefecture' || s.precision === 'province') && prefectureOf(s.adcode) === home);
  const province = c.prefecture_adcode ? undefined : atlas.regions.find((r) => r.adcode === c.province_adcode);
  const placeEn = (whole?.place_en ?? province?.name_en ?? '').replace(/\s*\(.*\)$/, '');
  const en = !placeEn || says(c.name_en, placeEn) ? c.name_en : `${placeEn} \u00b7 ${c.name_en}`;
  return { zh, en };
}

const sitesIndex = new WeakMap<readonly SiteRow[], Map<string, SiteRow[]>>();

/** Each cluster's sites in the document's order (the anchor first), indexed once per sites array (never changed once built). */
export function sitesByCluster(sites: readonly SiteRow[]): Map<string, SiteRow[]> {
  let index = sitesIndex.get(sites);
  if (index) return index;
  index = new Map();
  for (const s of sites) {
    const list = index.get(s.cluster_id);
    if (list) list.push(s);
    else index.set(s.cluster_id, [s]);
  }
  for (const list of index.values()) if (list.length > 1) list.sort((a, b) => siteOrder(a.id) - siteOrder(b.id) || byCodeUnit(a.id, b.id));
  sitesIndex.set(sites, index);
  return index;
}

/** Site ids end in -s1, -s2 …: the document's order. */
function siteOrder(id: string): number {
  const m = /-s(\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

const cache = new WeakMap<readonly ClusterRow[], Map<string, ClusterLabel>>();

/**
 * A label worked out when first read: of 100,000 clusters, a view reads a few hundred (the list's page, the
 * marks drawn alone, a ring's first names), and working out every one took 170 ms of the first view.
 */
class LazyLabel implements ClusterLabel {
  // TypeScript's private, not #fields: the build's target (es2020) turns #fields into a WeakMap entry per
  // field and object, 400,000 entries for 100,000 labels.
  private said: ClusterLabel | null = null;

  constructor(
    private readonly c: ClusterRow,
    private readonly atlas: NameAtlas,
    private readonly sitesOf: () => Map<string, SiteRow[]>,
  ) {}

  private label(): ClusterLabel {
    return (this.said ??= clusterLabel(this.c, this.atlas, this.sitesOf().get(this.c.id) ?? []));
  }

  get zh(): string {
    return this.label().zh;
  }

  get en(): string {
    return this.label().en;
  }
}

/** Every cluster's label, once per atlas (keyed by its cluster array); each is worked out when first read. */
export function clusterLabels(atlas: NameAtlas): Map<string, ClusterLabel> {
  const hit = cache.get(atlas.clusters);
  if (hit) return hit;
  const sitesOf = () => sitesByCluster(atlas.sites);
  const out = new Map<string, ClusterLabel>(atlas.clusters.map((c) => [c.id, new LazyLabel(c, atlas, sitesOf)]));
  cache.set(atlas.clusters, out);
  return out;
}

/** A cluster's label in a language: the place-qualified name (the name itself for a cluster the atlas does not hold). */
export function labelOf(atlas: NameAtlas, c: ClusterRow, lang: 'zh' | 'en'): string {
  return clusterLabels(atlas).get(c.id)?.[lang] ?? (lang === 'zh' ? c.name_zh : c.name_en);
}
