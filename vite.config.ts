// Builds the client from client/ into dist/client; in dev, /api goes to the server on PORT (3000).
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'client',
  plugins: [vue()],
  worker: { format: 'es' },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'client/src/**/*.test.ts', 'geodata/**/*.test.ts', 'bench/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
