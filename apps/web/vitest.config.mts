import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.mts';

// Component tests (Vitest + Testing Library + jsdom): `npm test` runs them after Jest; `npm run test:web` alone.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      root: fileURLToPath(new URL('.', import.meta.url)),
      include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
      environment: 'jsdom',
      setupFiles: ['src/test/setup.ts'],
      css: false,
      testTimeout: 20_000,
    },
  }),
);
