import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));
/** Where `npm run web:dev` sends /api (the api started with `npm run start:api` or `npm run demo`). */
const apiTarget = process.env.FUYI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  // One origin with the API: the built files are served by the api at / (apps/api/src/http/web-console.ts).
  base: '/',
  resolve: {
    alias: {
      // The kernel's browser entry (no Node API): ID-number check digit, Shanghai dates, roles. Reused, not copied.
      '@fuyi/kernel': `${repo}libs/kernel/src/browser.ts`,
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: `${repo}dist/web`,
    emptyOutDir: true,
    // Hashed names under assets/: the api serves them as immutable.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Ant Design marks its modules "use client" (React Server Components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
