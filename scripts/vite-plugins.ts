/** Build plugins shared by the site build (vite.config.ts) and the offline edition (scripts/build-offline.ts). */
import { transformWithOxc, type Plugin } from 'vite';
import type { PreRenderedAsset } from 'rolldown';

/** Asset names: `.mjs` becomes `.js`, a type every stock server maps to JavaScript. */
export function assetFileNames(info: PreRenderedAsset): string {
  const original = info.names[0] ?? '';
  return original.endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]';
}

/**
 * Scripts emitted as assets (maplibre's worker, imported with ?url) bypass the build's syntax lowering:
 * this lowers them to the same target.
 */
export function lowerScriptAssets(target: string): Plugin {
  return {
    name: 'atlas:lower-script-assets',
    apply: 'build',
    async generateBundle(_options, bundle) {
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'asset' || !/\.m?js$/.test(file)) continue;
        const code = typeof out.source === 'string' ? out.source : new TextDecoder().decode(out.source);
        const lowered = await transformWithOxc(code, file.replace(/\.mjs$/, '.js'), { target, lang: 'js' });
        out.source = lowered.code;
      }
    },
  };
}

/**
 * Puts the classic start-up check (public/start-check.js) first in every page's <head>: it must run
 * before, and independently of, the module scripts (see that file).
 */
export function startCheck(): Plugin {
  return {
    name: 'atlas:start-check',
    transformIndexHtml: () => [{ tag: 'script', attrs: { src: 'start-check.js' }, injectTo: 'head-prepend' }],
  };
}
