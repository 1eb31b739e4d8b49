// Folder boundaries, machine-checked (see README "Where each thing lives"):
// - `electron` only in main/shell (and contextBridge/ipcRenderer in preload);
// - no Node built-ins in renderer/ or shared/;
// - no DOM globals in main/;
// - renderer/ never imports main/ or preload/: it reaches the main process only through
//   the contract's `window.civicdesk`.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const electronOnlyInShell = { name: 'electron', message: 'Only main/shell may import electron; put logic in main/core and pass Electron in.' };
const noNodeBuiltins = nodeBuiltins.map((name) => ({ name, message: 'This code also runs in the renderer: no Node built-ins here.' }));
const openExternalBan = {
  selector: "CallExpression[callee.property.name='openExternal'][callee.object.name='shell']",
  message: 'Open links only through openExternalChecked (main/shell/external-links.ts).',
};

const rendererPaths = [electronOnlyInShell, ...noNodeBuiltins];
const mainOnlyThroughContract = { group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches the main process only through window.civicdesk (shared/contract).' };
const frameOnlyFromMain = { group: ['**/app/*', '../app', './app'], message: 'renderer/app/ is the frame: only renderer/main.tsx imports it. Put what places share in a room of its own (contact/, session/, navigation/).' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', openExternalBan],
    },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'tools/**/*.ts', 'tests/unit/**/*.ts', 'tests/bench/**/*.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['main/core/**/*.ts', 'main/loopback/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }] },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB'].map((name) => ({ name, message: 'main/ runs in Node: no DOM.' }))],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, ...noNodeBuiltins], patterns: [{ group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the project.' }] }],
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'process', 'Buffer', 'require'].map((name) => ({ name, message: 'shared/ runs everywhere: no DOM and no Node globals.' }))],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noNodeBuiltins, { name: 'electron', importNames: ['shell', 'remote', 'webFrame', 'ipcMain'], message: 'The preload only uses contextBridge and ipcRenderer.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/unit/**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'jsx-a11y': jsxA11y, 'react-hooks': reactHooks },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: rendererPaths, patterns: [mainOnlyThroughContract] }] },
  },
  {
    // renderer/app/ composes the frame and nothing else: places read the contact, the session
    // and the navigation from rooms of their own, so no room leans on the frame (or on another
    // room through it), and the frame is imported by main.tsx alone.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/app/**', 'renderer/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: rendererPaths, patterns: [mainOnlyThroughContract, frameOnlyFromMain] }] },
  },
  {
    files: ['tests/e2e/**/*.ts', 'tests/bench/**/*.ts', 'playwright.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
