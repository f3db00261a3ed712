import { defineConfig } from 'vite';
import { embedBuild } from './src/embed/build-plugin.ts';
import { corridorsData } from './src/pipeline/vite-plugin.ts';

// CORRIDORS_ARTICLES points the build at another articles folder (the benchmark builds the app once with the seed
// articles and once with a 10,000-article synthetic corpus); geo/articles by default.
const articlesDir = process.env.CORRIDORS_ARTICLES ?? 'geo/articles';

export default defineConfig({
  // Relative asset URLs: the built site works from any folder of any static host.
  base: './',
  // embedBuild reads the data files corridorsData emits, so it comes after it.
  plugins: [corridorsData({ geoDir: 'geo', articlesDir }), embedBuild()],
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // The full app and the compact embed page (src/modes/embed.ts); the embed loader is added by embedBuild.
      input: { index: 'index.html', embed: 'embed.html' },
      output: {
        // MapLibre in a chunk of its own: it changes less often than the app (long-lived caching), and the
        // budget test can weigh the app's own JavaScript apart from it.
        manualChunks(id: string) {
          return id.includes('/node_modules/maplibre-gl/') ? 'maplibre' : undefined;
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
});
