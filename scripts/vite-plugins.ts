/** Build plugins shared by the site build (vite.config.ts) and the offline edition (scripts/build-offline.ts). */
import { transformWithOxc, type Plugin } from 'vite';
import type { PreRenderedAsset } from 'rolldown';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

/**
 * Each page's entry only checks the browser and then imports the page's modules (src/pages/boot.ts), so
 * without a hint the browser learns of those modules one import at a time. This lists them in the page's
 * <head> (modulepreload, and their stylesheets as preloads): they download beside the entry and the data.
 * Where the entry also draws something before the page (the explore page's first pixels), the page's own
 * modules are asked for at low priority, after what that drawing needs.
 */
export function preloadPageModules(): Plugin {
  return {
    name: 'atlas:preload-page-modules',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const { bundle, chunk } = ctx;
        if (!bundle || !chunk) return [];
        const graph = (roots: readonly string[]) => {
          const files = new Set<string>();
          const visit = (file: string) => {
            const c = bundle[file];
            if (files.has(file) || c?.type !== 'chunk') return;
            files.add(file);
            c.imports.forEach(visit);
          };
          roots.forEach(visit);
          return files;
        };
        const isPage = (file: string) => {
          const c = bundle[file];
          return c?.type === 'chunk' && /\/src\/pages\/[^/]+\.ts$/.test(c.facadeModuleId ?? '');
        };
        // What the entry imports statically, Vite links already.
        const linked = graph([chunk.fileName]);
        const early = graph(chunk.dynamicImports.filter((f) => !isPage(f)));
        const all = graph(chunk.dynamicImports);
        const styles = new Set<string>();
        for (const f of all) {
          const c = bundle[f];
          if (c?.type === 'chunk') for (const css of c.viteMetadata?.importedCss ?? []) styles.add(css);
        }
        for (const css of chunk.viteMetadata?.importedCss ?? []) styles.delete(css);
        const ordered = [...all].filter((f) => !linked.has(f)).sort((a, b) => Number(!early.has(a)) - Number(!early.has(b)));
        const low = early.size > 0;
        return [
          ...ordered.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}`, ...(low && !early.has(f) ? { fetchpriority: 'low' } : {}) }, injectTo: 'head' as const })),
          ...[...styles].map((f) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', href: `./${f}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

/**
 * `vite preview` sends a data file's stored gzip copy (public/data/*.json.gz, written by the data build) to a
 * browser that accepts gzip, as nginx's gzip_static does with scripts/deploy/nginx-site.conf. Without it the
 * preview server compresses each request itself: more than a second for a 32 MB atlas.json.
 */
export function storedGzip(): Plugin {
  return {
    name: 'atlas:stored-gzip',
    configurePreviewServer(server) {
      const root = resolve(server.config.root, server.config.build.outDir);
      const headers = server.config.preview.headers ?? {};
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        if ((req.method !== 'GET' && req.method !== 'HEAD') || !/^\/data\/[\w./-]+\.json$/.test(path) || path.includes('..')) return next();
        if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return next();
        const file = join(root, path + '.gz');
        if (!existsSync(file)) return next();
        const size = statSync(file).size;
        res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': size, Vary: 'Accept-Encoding', 'Cache-Control': 'no-cache' });
        if (req.method === 'HEAD') return void res.end();
        createReadStream(file).pipe(res);
      });
    },
  };
}
