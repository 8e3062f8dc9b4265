/**
 * Places by name: every province, prefecture and county of data/gazetteer/places.json (fetched from the
 * site only when the import dialog opens). "安平县", "衡水市安平县", "河北省衡水市安平县", "河北安平" and a
 * former name all resolve; a name that fits several places is returned with its candidates to pick from.
 */
import type { Precision } from '../data/schema.ts';
import lexicon from './lexicon.json';
import { minOf } from '../data/extent.ts';

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

const P = lexicon.places;
const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\\-]/g, '\\$&');
const alt = (ws: readonly string[]) => [...ws].sort((x, y) => y.length - x.length).map(esc).join('|');
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:${alt(P.ethnic)})+(?:${alt(P.autonomous)})$`);
const SUFFIXES: Record<Level, RegExp> = {
  province: new RegExp(`^(.{2,}?)(?:${alt(P.suffixes.province)})$`),
  prefecture: new RegExp(`^(.{2,}?)(?:${alt(P.suffixes.prefecture)})$`),
  county: new RegExp(`^(.{2,}?)(?:${alt(P.suffixes.county)})$`),
};
const EXTRA_SHORT: Record<string, string> = P.extraShort;
const BRACKETED = /\([^)]*\)/g;
const SEPARATORS = new RegExp(`[\\s${P.separators.replace(/[\]\\\-^]/g, '\\$&')}]+`, 'g');
const COUNTRY = new RegExp(`^(?:${alt(P.country)})`);
const DISTRICT = new RegExp(`^(.{2,})${esc(P.district)}$`);

/** Common short forms: 河北省 → 河北, 衡水市 → 衡水, 延边朝鲜族自治州 → 延边, 孟村回族自治县 → 孟村. */
export function shortForms(name: string, level: Level): string[] {
  const out = new Set<string>();
  const auto = AUTONOMOUS.exec(name);
  if (auto) out.add(auto[1]!);
  const m = SUFFIXES[level].exec(name);
  if (m) out.add(m[1]!);
  const extra = EXTRA_SHORT[name];
  if (extra) out.add(extra);
  out.delete(name);
  return [...out];
}

/** What a person types around a place name: spaces, separators, the country, brackets (full-width ones become ASCII by NFKC). */
export function cleanPlaceText(raw: string): string {
  return raw.normalize('NFKC').replace(BRACKETED, '').replace(SEPARATORS, '').replace(COUNTRY, '');
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
      const m = DISTRICT.exec(p.name);
      if (m && p.level === 'county') for (const old of P.formerOfDistrict.map((x) => m[1] + x)) if (!this.index.has(old)) this.add(old, p, 'former');
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
    const minRest = minOf(hits.map((h) => h.rest));
    const best = hits.filter((h) => h.rest === minRest);
    const top = minOf(best.map((h) => rank[h.via]));
    const chosen = [...new Map(best.filter((h) => rank[h.via] === top).map((h) => [h.place.adcode, h])).values()];
    if (chosen.length === 1) return { kind: 'found', place: chosen[0]!.place, via: chosen[0]!.via };
    return { kind: 'ambiguous', candidates: chosen.map((h) => h.place).sort((a, b) => a.adcode.localeCompare(b.adcode)) };
  }

}
