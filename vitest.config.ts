import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: plain Node for shared/ and main/ (including main/shell with a fake Electron),
 * and jsdom with fake IndexedDB for renderer components.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // A training core loads its stand-ins by import() when first asked (a live start never
          // loads them), so tests that start one transform them inside the test: seconds on a
          // shared 2-core machine. A limit against hangs, not a timing target.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.tsx'],
          setupFiles: ['tests/unit/setup-dom.ts'],
          // Whole-workstation flows in jsdom take seconds on a shared 2-core machine.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
