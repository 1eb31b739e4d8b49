import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/**
 * The renderer's Vite settings, shared by electron-vite (desktop build) and the browser
 * host's development server, so both serve exactly the same app.
 */
export const rendererConfig: UserConfig = {
  root: path.resolve(import.meta.dirname, 'renderer'),
  plugins: [react()],
  // Relative asset paths work both on app://civicdesk/ and on the loopback host.
  base: './',
  build: {
    outDir: path.resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
  },
};
