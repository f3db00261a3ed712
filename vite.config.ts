import { defineConfig } from 'vite';
import { corridorsData } from './src/pipeline/vite-plugin.ts';

export default defineConfig({
  // Relative asset URLs: the built site works from any folder of any static host.
  base: './',
  plugins: [corridorsData({ geoDir: 'geo', articlesDir: 'geo/articles' })],
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { host: '127.0.0.1' },
});
