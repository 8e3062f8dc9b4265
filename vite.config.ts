import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { lowerScriptAssets, assetFileNames, startCheck, preloadPageModules, storedGzip } from './scripts/vite-plugins.ts';

// Four pages, four entries: the embed and present pages never pull maplibre or deck.gl.
// ES2020 for older browser cores (Chromium 86-era intranet browsers): no top-level await in entry code
// (see src/pages/boot.ts), and what a dependency ships newer is lowered, its worker script too.
export default defineConfig({
  base: './',
  plugins: [lowerScriptAssets('es2020'), startCheck(), preloadPageModules(), storedGzip()],
  build: {
    target: 'es2020',
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
        present: resolve(import.meta.dirname, 'present.html'),
        sources: resolve(import.meta.dirname, 'sources.html'),
      },
      // Only file types every stock server maps: maplibre's worker ships as .mjs, which Debian's nginx
      // (and IIS) serve as application/octet-stream, and a module worker of that type does not start.
      output: { assetFileNames },
    },
  },
  // Embeds in sandbox="allow-scripts" iframes run with an opaque origin: their module scripts and data
  // requests are cross-origin, so the host must allow them (a static host needs the same header).
  // The import worker loads the workbook reader on demand: a code-split worker must be an ES module.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', cors: true, headers: { 'Access-Control-Allow-Origin': '*' } },
  server: { host: '127.0.0.1' },
});
