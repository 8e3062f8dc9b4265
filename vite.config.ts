import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// Three pages, three entries: the embed and present pages never pull maplibre or deck.gl.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
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
    },
  },
  // Embeds in sandbox="allow-scripts" iframes run with an opaque origin: their module scripts and data
  // requests are cross-origin, so the host must allow them (a static host needs the same header).
  preview: { host: '127.0.0.1', cors: true, headers: { 'Access-Control-Allow-Origin': '*' } },
  server: { host: '127.0.0.1' },
});
