/**
 * PowerPoint export from the presenter's bar: the default deck, in Chinese and in English, downloaded
 * and unzipped. One 16:9 slide per deck slide; the headline, the text and the source line (the same the
 * slide shows) as text runs in the language's font; the body as a PNG at least 1600 px wide, placed
 * between headline and source line with its aspect kept; the sources slide as text; every slide's notes.
 * pptxgenjs is loaded only on the click; a failed export says so on the page.
 *
 * For a reviewer: tests/screenshots/pptx-slide-N-media.png (the first three slides' pictures, zh),
 * pptx-slide-N-preview.png and pptx-en-slide-N-preview.png (a rough drawing of each slide from its
 * XML: text boxes outlined in red, the picture; browser fonts, not PowerPoint's), pptx-listing-zh.txt
 * and pptx-listing-en.txt, and pptx-offline-slide-N-media.png (a split slide, from the meeting file).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { useSite, openPage, downloadBytes, ROOT, SHOTS, messages } from './harness.ts';
import type { Deck } from '../../src/present/schema.ts';
import { fileName } from '../../src/export/download.ts';

const DIST = process.env['ATLAS_DIST'] ?? 'dist';
const deckPath = [join(ROOT, DIST, 'data/decks/default.json'), join(ROOT, 'public/data/decks/default.json')].find((p) => existsSync(p))!;
const deck = JSON.parse(readFileSync(deckPath, 'utf8')) as Deck;
const N = deck.slides.length;
const EMU = 914400;

type Files = Record<string, Uint8Array>;

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** Every <a:t> of a part, in order. */
const runs = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1]!));
/** The text of the shape named `name` (its runs joined). */
function shapeText(xml: string, name: string): string | null {
  const sp = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => m[0]).find((s) => s.includes(`name="${name}"`));
  return sp ? runs(sp).join('') : null;
}
function pngSize(b: Uint8Array): [number, number] {
  assert.deepEqual([...b.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return [v.getUint32(16), v.getUint32(20)];
}
interface Xfrm {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** A shape's position in inches, from its first <a:off>/<a:ext>. */
function xfrm(part: string): Xfrm {
  const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(part)!;
  const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(part)!;
  return { x: Number(off[1]) / EMU, y: Number(off[2]) / EMU, w: Number(ext[1]) / EMU, h: Number(ext[2]) / EMU };
}
/** Media files a slide's relationships name. */
function slideImages(z: Files, n: number): string[] {
  const rels = strFromU8(z[`ppt/slides/_rels/slide${n}.xml.rels`]!);
  return [...rels.matchAll(/Type="[^"]*\/image" Target="\.\.\/media\/([^"]+)"/g)].map((m) => `ppt/media/${m[1]}`);
}

interface Exported {
  z: Files;
  name: string;
  ms: number;
  busyTexts: string[];
  sources: string[];
}

/** Clicks the bar button, watching its label and state, and takes the download. */
async function exportDeck(page: Page): Promise<Exported> {
  await page.evaluate(() => {
    const btn = document.querySelector<HTMLButtonElement>('.present-bar .pptx-btn')!;
    const seen: string[] = ((window as unknown as { __pptxSeen: string[] }).__pptxSeen = []);
    new MutationObserver(() => seen.push(`${btn.disabled ? 'disabled' : 'enabled'}:${btn.textContent}`)).observe(btn, { childList: true, characterData: true, subtree: true, attributes: true });
  });
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('.present-bar .pptx-btn')]);
  const ms = Date.now() - t0;
  const z = unzipSync(new Uint8Array(await downloadBytes(download)));
  // The button comes back once the file is saved.
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.present-bar .pptx-btn')!.disabled);
  const busyTexts = await page.evaluate(() => (window as unknown as { __pptxSeen: string[] }).__pptxSeen);
  // What each slide shows as its source line: the handout holds every slide (once built, in idle moments).
  await page.waitForSelector('.handout[data-complete="true"]', { state: 'attached' });
  const sources = await page.evaluate(() => [...document.querySelectorAll('.handout .handout-page .slide-source')].map((e) => e.textContent ?? ''));
  return { z, name: download.suggestedFilename(), ms, busyTexts, sources };
}

/** A rough drawing of one slide from its XML (boxes, text at its size, the picture), for a reviewer's eye. */
function previewHtml(xml: string, images: Record<string, string>): string {
  const px = (v: number) => `${(v * 144).toFixed(1)}px`;
  const parts = [...xml.matchAll(/<p:(sp|pic)>[\s\S]*?<\/p:\1>/g)].map((m) => m[0]);
  const html = parts.map((part) => {
    const b = xfrm(part);
    const box = `position:absolute;left:${px(b.x)};top:${px(b.y)};width:${px(b.w)};height:${px(b.h)};`;
    if (part.startsWith('<p:pic>')) return `<img style="${box}" src="${images[/r:embed="([^"]+)"/.exec(part)![1]!]}">`;
    if (part.includes('prst="line"')) return `<div style="${box}border-top:2px solid #000"></div>`;
    const fill = /<p:spPr>[\s\S]*?<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(part);
    const paras = [...part.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)].map((p) => {
      const sz = Number(/sz="(\d+)"/.exec(p[0])?.[1] ?? 1800) / 100;
      const bold = /b="1"/.test(p[0]);
      const num = p[0].includes('buAutoNum') ? '&#8226; ' : '';
      return `<p style="margin:0 0 ${sz * 0.3}pt;font-size:${sz * 2}px;line-height:1.36;font-weight:${bold ? 700 : 400}">${num}${runs(p[0]).map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')).join('')}</p>`;
    });
    const outline = part.includes('txBox="1"') ? 'outline:1px dashed #c33;' : '';
    return `<div style="${box}${outline}${fill && !part.includes('txBody') ? `background:#${fill[1]};` : ''}overflow:visible">${paras.join('')}</div>`;
  });
  return `<!doctype html><meta charset="utf-8"><body style="margin:0;width:1920px;height:1080px;position:relative;background:#fff;font-family:'Microsoft YaHei','WenQuanYi Micro Hei',Arial,sans-serif">${html.join('')}</body>`;
}

async function savePreviews(browser: Browser, z: Files, prefix: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.route('**/*', (r) => (r.request().url().startsWith('data:') ? r.continue() : r.abort()));
  for (let n = 1; n <= N; n++) {
    const rels = strFromU8(z[`ppt/slides/_rels/slide${n}.xml.rels`]!);
    const images: Record<string, string> = {};
    for (const m of rels.matchAll(/Id="(rId\d+)" Type="[^"]*\/image" Target="\.\.\/media\/([^"]+)"/g)) images[m[1]!] = `data:image/png;base64,${Buffer.from(z[`ppt/media/${m[2]}`]!).toString('base64')}`;
    await page.setContent(previewHtml(strFromU8(z[`ppt/slides/slide${n}.xml`]!), images), { waitUntil: 'load' });
    await page.screenshot({ path: join(SHOTS, `${prefix}-slide-${n}-preview.png`) });
  }
  await page.close();
}

function checkFile(ex: Exported, lang: 'zh' | 'en'): string[] {
  const { z } = ex;
  const listing: string[] = [`export of the default deck (${lang}): ${ex.name}, ${ex.ms} ms from click to download, ${Object.keys(z).length} parts`];
  assert.match(strFromU8(z['ppt/presentation.xml']!), /<p:sldSz cx="12192000" cy="6858000"/, '16:9, 13.333 x 7.5 in');
  const slides = Object.keys(z).filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k));
  assert.equal(slides.length, N, 'one slide per deck slide');
  assert.equal(ex.sources.length, N, 'the handout has every slide');
  const font = lang === 'zh' ? 'Microsoft YaHei' : 'Arial';
  for (let n = 1; n <= N; n++) {
    const s = deck.slides[n - 1]!;
    const xml = strFromU8(z[`ppt/slides/slide${n}.xml`]!);
    const texts = runs(xml);
    assert.ok(texts.includes(s.headline[lang]), `slide ${n}: headline as text`);
    assert.equal(shapeText(xml, 'headline'), s.headline[lang]);
    if (s.text) assert.equal(shapeText(xml, 'text'), s.text[lang], `slide ${n}: text`);
    assert.ok(ex.sources[n - 1]!.length > 5);
    assert.equal(shapeText(xml, 'source'), ex.sources[n - 1], `slide ${n}: the source line the slide shows, as text`);
    // Every text run names the language's font (latin, east Asian and complex script alike).
    const rPr = [...xml.matchAll(/<a:rPr [^>]*>[\s\S]*?<\/a:rPr>/g)].map((m) => m[0]);
    assert.ok(rPr.length >= 3);
    for (const r of rPr) assert.ok(r.includes(`<a:latin typeface="${font}"`) && r.includes(`<a:ea typeface="${font}"`), `slide ${n}: ${r.slice(0, 120)}`);
    if (lang === 'en') assert.ok(!xml.includes('Microsoft YaHei'));
    const notesPart = Object.keys(z).find((k) => k === `ppt/notesSlides/notesSlide${n}.xml`)!;
    const notes = runs(strFromU8(z[notesPart]!)).join('');
    if (s.notes) assert.ok(notes.includes(s.notes[lang]), `slide ${n}: speaker notes`);
    const head = xfrm(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*name="headline"[\s\S]*?<\/p:sp>/.exec(xml)![0]);
    const foot = xfrm(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*name="source"[\s\S]*?<\/p:sp>/.exec(xml)![0]);
    const images = slideImages(z, n);
    const sizes: string[] = [];
    if (s.kind === 'sources') {
      assert.equal(images.length, 0, 'the sources slide is text');
      assert.ok(xml.includes('buAutoNum'), 'a numbered list');
      assert.ok(texts.length > 8, `slide ${n}: the sources listed as text (${texts.length} runs)`);
    } else {
      assert.equal(images.length, 1, `slide ${n}: one picture`);
      const png = z[images[0]!]!;
      const [w, h] = pngSize(png);
      assert.ok(w >= 1600, `slide ${n}: picture ${w} px wide`);
      const pic = xfrm(/<p:pic>[\s\S]*?<\/p:pic>/.exec(xml)![0]);
      assert.ok(Math.abs(pic.w / pic.h - w / h) < 0.01 * (w / h), `slide ${n}: aspect kept (${pic.w / pic.h} vs ${w / h})`);
      assert.ok(pic.y > head.y + head.h && pic.y + pic.h < foot.y, `slide ${n}: picture between headline and source line`);
      assert.ok(pic.w > 12, `slide ${n}: picture fills the width (${pic.w.toFixed(2)} in)`);
      // Sharp: at least twice the pixels it takes on a 1920 x 1080 slide (144 px an inch).
      assert.ok(w >= pic.w * 144 * 2 - 2, `slide ${n}: ${w} px for ${pic.w.toFixed(2)} in`);
      sizes.push(`${w}x${h} px (${(png.length / 1024).toFixed(0)} KB) at ${pic.w.toFixed(2)}x${pic.h.toFixed(2)} in`);
    }
    listing.push(`${n}\t${s.headline[lang]}\timage: ${sizes.join(', ') || 'none (text list)'}\tnotes: ${s.notes ? s.notes[lang].length : 0} chars\tsource: ${ex.sources[n - 1]!.slice(0, 60)}`);
  }
  return listing;
}

describe('present: PowerPoint export', () => {
  const site = useSite();

  for (const lang of ['zh', 'en'] as const) {
    it(`exports the deck as .pptx, slide by slide, with notes (${lang})`, async () => {
      const requests: string[] = [];
      const path = `/present.html${lang === 'en' ? '?lang=en' : ''}`;
      const { page, guard, close } = await openPage(site.browser, site.server.origin, path, { viewport: { width: 1280, height: 720 }, acceptDownloads: true, beforeGoto: async (p) => p.on('request', (r) => requests.push(r.url())) });
      const msg = messages(lang);
      const btn = page.locator('.present-bar .pptx-btn');
      assert.equal(await btn.textContent(), msg['present.pptx']);
      assert.ok(await btn.isVisible(), 'the button is on the bar, visible');
      const box = (await btn.boundingBox())!;
      assert.ok(box.x + box.width <= 1280, 'and inside the window');
      assert.ok(!requests.some((u) => /pptxgen/.test(u)), 'pptxgenjs is not loaded at start');
      const ex = await exportDeck(page);
      assert.ok(requests.some((u) => /pptxgen/.test(u)), 'pptxgenjs is loaded on the click');
      assert.equal(ex.name, fileName(deck.title[lang], 'pptx'));
      const busyPrefix = msg['present.pptx.busy']!.split('{')[0]!;
      assert.ok(ex.busyTexts.some((s) => s.startsWith(`disabled:${busyPrefix}`)), `progress shown on a disabled button: ${ex.busyTexts.slice(0, 3).join(' | ')}`);
      assert.equal(await btn.textContent(), msg['present.pptx']);
      const listing = checkFile(ex, lang);
      if (lang === 'zh') assert.ok(strFromU8(ex.z['ppt/slides/slide1.xml']!).includes('typeface="Microsoft YaHei"'));
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, `pptx-listing-${lang}.txt`), listing.join('\n') + '\n');
      if (lang === 'zh') {
        for (let n = 1; n <= 3; n++) {
          const img = slideImages(ex.z, n)[0];
          if (img) writeFileSync(join(SHOTS, `pptx-slide-${n}-media.png`), ex.z[img]!);
        }
      }
      await savePreviews(site.browser, ex.z, lang === 'zh' ? 'pptx' : 'pptx-en');
      console.log(`pptx ${lang}: ${ex.ms} ms, ${Object.keys(ex.z).filter((k) => k.endsWith('.png')).length} pictures`);
      guard.assertClean();
      await close();
    });
  }

  const meetingFile = join(ROOT, DIST, 'cluster-atlas-present-offline.html');
  it('works inside the offline meeting file opened from disk: strict CSP, no network', { skip: !existsSync(meetingFile) && 'no single-file build' }, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    await context.setOffline(true);
    const self = pathToFileURL(meetingFile).href;
    const requests: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || url.startsWith('blob:') || url.split(/[?#]/)[0] === self) return route.continue();
      requests.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(self);
    await page.waitForFunction(() => window.__atlas?.ready === true);
    const ex = await exportDeck(page);
    const slides = Object.keys(ex.z).filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k));
    assert.equal(slides.length, N);
    const pngs = Object.keys(ex.z).filter((k) => k.endsWith('.png'));
    assert.equal(pngs.length, deck.slides.filter((s) => s.kind !== 'sources').length);
    for (const k of pngs) assert.ok(pngSize(ex.z[k]!)[0] >= 1600, k);
    // A split slide's picture (map, legend and chart) from the file, for a reviewer's eye.
    const split = deck.slides.findIndex((s) => s.layout === 'split') + 1;
    mkdirSync(SHOTS, { recursive: true });
    if (split > 0) writeFileSync(join(SHOTS, `pptx-offline-slide-${split}-media.png`), ex.z[slideImages(ex.z, split)[0]!]!);
    assert.deepEqual(requests, [], 'no request left the file');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a failed export says so on the page and the button works again', async () => {
    const { page, close } = await openPage(site.browser, site.server.origin, '/present.html?lang=en', { viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    await page.route(/pptxgen/, (r) => r.abort());
    await page.click('.present-bar .pptx-btn');
    const notice = page.locator('#notices .notice-text', { hasText: 'The PowerPoint file could not be made' });
    await notice.waitFor();
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.present-bar .pptx-btn')!.disabled);
    assert.equal(await page.locator('.present-bar .pptx-btn').textContent(), messages('en')['present.pptx']);
    await close();
  });
});
