import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

/**
 * Writes offline-shell.json: every file the build made, for the browser host's service worker
 * (renderer/public/offline-shell.js) to keep, so a reload with the network down still opens.
 */
const offlineShellList = (): Plugin => ({
  name: 'civicdesk-offline-shell',
  apply: 'build',
  generateBundle(_options, bundle) {
    const files = Object.keys(bundle).filter((file) => !file.endsWith('.map')).map((file) => `./${file}`);
    this.emitFile({ type: 'asset', fileName: 'offline-shell.json', source: JSON.stringify({ files: [...files, './favicon.svg'] }) });
  },
});

/**
 * The renderer's Vite settings, shared by electron-vite (desktop build) and the browser
 * host's development server, so both serve exactly the same app.
 */
export const rendererConfig: UserConfig = {
  root: path.resolve(import.meta.dirname, 'renderer'),
  plugins: [react(), offlineShellList()],
  // Relative asset paths work both on app://civicdesk/ and on the loopback host.
  base: './',
  build: {
    outDir: path.resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // electron-vite leaves the renderer unminified; minified, the code the first screen needs is
    // about a third of the size, and a start parses and compiles that much less.
    minify: true,
  },
};
