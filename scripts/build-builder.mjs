/**
 * Builds the snippet builder for the demo site (`npm start` serves it at /builder.html) into
 * dist/builder/. It is not part of the widgets' script-tag bundle: that bundle's entry is left
 * out and imported at run time from next door (`../civic-widgets.js`), so the builder loads each
 * widget through the very script a page gets, and `npm run size` measures the bundle alone.
 * The npm package leaves dist/builder/ out (package.json `files`).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `src/index.ts`, the script-tag entry, stays outside: the page's own copy of it. */
const widgetsEntry = {
  name: 'widgets-entry',
  setup(builder) {
    builder.onResolve({ filter: /\/src\/index\.js$/ }, () => ({ path: '../civic-widgets.js', external: true }));
  },
};

await build({
  entryPoints: { 'civic-snippet-builder': `${root}builder/define.ts` },
  outdir: `${root}dist/builder`,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  tsconfig: `${root}tsconfig.json`,
  plugins: [widgetsEntry],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
