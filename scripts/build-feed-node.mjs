/**
 * Bundles the feed layer (src/feed/index.ts) for Node into packages/server/lib/feed.js, so the
 * `civic-widgets` command and server read sources with the very code the widgets run. Its
 * libraries (ical.js, d3-dsv) stay imports: the server package depends on them.
 *
 * Runs on `npm install` (prepare), in `npm run build`, before the Node tests, and when the server
 * package is packed. Takes well under a second.
 */
import { build } from 'esbuild';
import { copyFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: [`${root}src/feed/index.ts`],
  outfile: `${root}packages/server/lib/feed.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['ical.js', 'd3-dsv'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: '// Built from src/feed by scripts/build-feed-node.mjs: edit the TypeScript, not this file.' },
});

// The command checks what it writes against the same schema the package ships.
copyFileSync(`${root}src/feed/feed.schema.json`, `${root}packages/server/lib/feed.schema.json`);
// In a checkout, the server's JavaScript is type-checked against the feed layer's own types
// (tsconfig.server.json); the published package leaves this file out.
writeFileSync(`${root}packages/server/lib/feed.d.ts`, "export * from '../../../src/feed/index.js';\n");
