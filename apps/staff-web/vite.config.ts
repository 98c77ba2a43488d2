/// <reference types="node" />
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite injects __dirname into config files; everything is resolved from here so the
// commands work from the workspace root (`vite --config apps/staff-web/vite.config.ts`).
const workspaceRoot = path.resolve(__dirname, '../..');
const gatewayUrl = process.env.WCM_GATEWAY_URL ?? 'http://127.0.0.1:3000';

// The two workspace libraries the browser code uses (same targets as tsconfig.base.json paths).
const alias = [
  { find: /^@waypoint\/contracts$/, replacement: path.join(workspaceRoot, 'libs/contracts/src/index.ts') },
  { find: /^@waypoint\/ui$/, replacement: path.join(workspaceRoot, 'libs/ui/src/index.ts') },
  { find: /^@waypoint\/ui\/(.*)$/, replacement: path.join(workspaceRoot, 'libs/ui/src/$1') },
];

const proxy = {
  '/api': { target: gatewayUrl, changeOrigin: false, xfwd: true },
};

export default defineConfig({
  root: __dirname,
  cacheDir: path.join(workspaceRoot, 'node_modules/.vite/staff-web'),
  plugins: [react()],
  resolve: { alias },
  server: { host: '127.0.0.1', port: 4200, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4200, strictPort: true, proxy },
  build: {
    outDir: path.join(workspaceRoot, 'dist/apps/staff-web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
});
