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
      testTimeout: 60_000, // a 2-CPU machine shared with the rest of the suite: the first render of Ant Design is slow under load
    },
  }),
);
