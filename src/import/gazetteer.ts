/**
 * Places by name: every province, prefecture and county of data/gazetteer/places.json (fetched from the
 * site only when the import dialog opens). "安平县", "衡水市安平县", "河北省衡水市安平县", "河北安平" and a
 * former name all resolve; a name that fits several places is returned with its candidates to pick from.
 */
import type { Precision } from '../data/schema.ts';

export interface GazetteerJson {
  v: 1;
  about: string;
  units: [string, string, number | null, number | null][];
  former: [string, string, string][];
}

export type Level = 'province' | 'prefecture' | 'county';

export interface Place {
  adcode: string;
  name: string;
  level: Level;
  /** Province, prefecture (if any) and own name: 河北省衡水市安平县. */
  fullName: string;
  provinceAdcode: string;
  prefectureAdcode: string | null;
  /** WGS-84 point: the unit's own seat, or its prefecture's when it has none (precision says which). */
  lon: number;
  lat: number;
  precision: Precision;
  coordNote: 'seat' | 'prefecture-seat' | 'interior';
}

/** How a name was matched, best first: its current name, a common short form, or a former name. */
export type MatchKind = 'name' | 'short' | 'short-county' | 'former';
export type Resolution = { kind: 'found'; place: Place; via: MatchKind } | { kind: 'ambiguous'; candidates: Place[] } | { kind: 'none' };

const ETHNIC = '回族|满族|蒙古族|蒙古|藏族|维吾尔|苗族|彝族|壮族|布依族|朝鲜族|侗族|瑶族|白族|土家族|哈尼族|哈萨克|哈萨克族|傣族|黎族|傈僳族|佤族|畲族|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜|柯尔克孜族|土族|达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|仡佬族|锡伯|锡伯族|阿昌族|普米族|塔吉克|塔吉克族|怒族|鄂温克族|德昂族|保安族|裕固族|京族|独龙族|鄂伦春|鄂伦春族|各族';
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:${ETHNIC})+自治(?:州|县|旗|区)$`);
const SUFFIXES: Record<Level, RegExp> = {
  province: /^(.{2,}?)(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/,
  prefecture: /^(.{2,}?)(?:市|地区|盟|州)$/,
  county: /^(.{2,}?)(?:自治县|自治旗|特区|林区|新区|县|区|市|旗)$/,
};

/** Common short forms: 河北省 → 河北, 衡水市 → 衡水, 延边朝鲜族自治州 → 延边, 孟村回族自治县 → 孟村. */
export function shortForms(name: string, level: Level): string[] {
  const out = new Set<string>();
  const auto = AUTONOMOUS.exec(name);
  if (auto) out.add(auto[1]!);
  const m = SUFFIXES[level].exec(name);
  if (m) out.add(m[1]!);
  if (level === 'province' && name === '内蒙古自治区') out.add('内蒙古');
  out.delete(name);
  return [...out];
}

/** What a person types around a place name: spaces, separators, the country, brackets. */
export function cleanPlaceText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s·・,，、/\\|>\-—_]+/g, '')
    .replace(/^中国/, '')
    .replace(/^中华人民共和国/, '');
}

export class Gazetteer {
  readonly places = new Map<string, Place>();
  private readonly index = new Map<string, { place: Place; via: MatchKind }[]>();
  /** Former adcode → current adcode. */
  private readonly formerCodes = new Map<string, string>();

  constructor(json: GazetteerJson) {
    const raw = new Map(json.units.map((u) => [u[0], u]));
    const levelOf = (code: string): Level => (code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county');
    for (const [code, name, lon, lat] of json.units) {
      const level = levelOf(code);
      const prov = code.slice(0, 2) + '0000';
      const pref = level === 'county' && raw.has(code.slice(0, 4) + '00') ? code.slice(0, 4) + '00' : null;
      const own = lon != null && lat != null;
      const fallback = pref ? raw.get(pref)! : raw.get(prov)!;
      const [x, y] = own ? [lon, lat] : [fallback[2]!, fallback[3]!];
      const precision: Precision = own ? level : pref ? 'prefecture' : 'province';
      const fullName = [level !== 'province' ? raw.get(prov)?.[1] : '', pref ? raw.get(pref)?.[1] : '', name].join('');
      const place: Place = { adcode: code, name, level, fullName, provinceAdcode: prov, prefectureAdcode: level === 'prefecture' ? code : pref, lon: x / 1000, lat: y / 1000, precision, coordNote: !own ? 'prefecture-seat' : level === 'province' ? 'interior' : 'seat' };
      this.places.set(code, place);
      this.add(name, place, 'name');
      for (const s of shortForms(name, level)) this.add(s, place, level === 'county' ? 'short-county' : 'short');
    }
    // Many counties and county-level cities became districts (肥乡县 → 肥乡区): the old form is a former name
    // unless some unit bears it today.
    for (const p of [...this.places.values()]) {
      const m = /^(.{2,})区$/.exec(p.name);
      if (m && p.level === 'county') for (const old of [`${m[1]}县`, `${m[1]}市`]) if (!this.index.has(old)) this.add(old, p, 'former');
    }
    for (const [code, name, oldCode] of json.former) {
      const p = this.places.get(code);
      if (p) this.add(name, p, 'former');
      if (p && oldCode !== code && !this.places.has(oldCode)) this.formerCodes.set(oldCode, code);
    }
  }

  private add(key: string, place: Place, via: MatchKind): void {
    const list = this.index.get(key) ?? [];
    if (!list.some((x) => x.place === place)) list.push({ place, via });
    this.index.set(key, list);
  }

  /** Does `prefix` name this place's province and/or prefecture (in that order), or nothing? */
  private ancestorsMatch(prefix: string, place: Place): boolean {
    if (prefix === '') return true;
    const names = (code: string | null) => (code ? this.namesOf(code) : []);
    const prov = names(place.provinceAdcode);
    const pref = place.level === 'county' ? names(place.prefectureAdcode) : [];
    if (place.level === 'province') return false;
    for (const a of prov) if (prefix === a) return true;
    for (const b of pref) {
      if (prefix === b) return true;
      for (const a of prov) if (prefix === a + b) return true;
    }
    return false;
  }

  private namesOf(code: string): string[] {
    const p = this.places.get(code);
    return p ? [p.name, ...shortForms(p.name, p.level)] : [];
  }

  /** Resolve a place name (any of the forms above). An adcode also resolves, a renamed one to its current unit. */
  resolve(raw: string): Resolution {
    const text = cleanPlaceText(raw);
    if (!text) return { kind: 'none' };
    if (/^\d{6}$/.test(text)) {
      const p = this.places.get(text) ?? this.places.get(this.formerCodes.get(text) ?? '');
      return p ? { kind: 'found', place: p, via: 'name' } : { kind: 'none' };
    }
    const hits: { place: Place; via: MatchKind; rest: number }[] = [];
    for (let k = text.length; k >= 1; k--) {
      for (const hit of this.index.get(text.slice(text.length - k)) ?? []) {
        if (this.ancestorsMatch(text.slice(0, text.length - k), hit.place)) hits.push({ ...hit, rest: text.length - k });
      }
    }
    if (!hits.length) return { kind: 'none' };
    // The longest own name wins over a shorter one (衡水市安平县: 安平县, not 平县); then a current name over a short form (a province's or city's before a county's) over a former name.
    const rank: Record<MatchKind, number> = { name: 0, short: 1, 'short-county': 2, former: 3 };
    const minRest = Math.min(...hits.map((h) => h.rest));
    const best = hits.filter((h) => h.rest === minRest);
    const top = Math.min(...best.map((h) => rank[h.via]));
    const chosen = [...new Map(best.filter((h) => rank[h.via] === top).map((h) => [h.place.adcode, h])).values()];
    if (chosen.length === 1) return { kind: 'found', place: chosen[0]!.place, via: chosen[0]!.via };
    return { kind: 'ambiguous', candidates: chosen.map((h) => h.place).sort((a, b) => a.adcode.localeCompare(b.adcode)) };
  }

}
