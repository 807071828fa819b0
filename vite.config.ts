import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite/precompress';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRoot('./web'),
  plugins: [react(), precompress()],
  resolve: {
    // Mirrors package.json "imports", so the web app uses the same zod contract as the server.
    alias: [{ find: /^#shared\/(.+)$/, replacement: `${fromRoot('./shared')}/$1.ts` }],
  },
  build: {
    // server/plugins/web.ts serves this folder.
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: test/bundle-budget.test.ts sums what a participant's first load downloads.
    manifest: true,
    rolldownOptions: {
      output: {
        // React changes less often than the app: its own chunk stays cached across releases. Other libraries are not
        // grouped: a group is one chunk, and the entry would import all of it (Mantine, zod…) even for the portal.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Only the lazy chart component imports ECharts: its own group keeps it out of the eager vendor chunk.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
