import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import resolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';

/**
 * The script-tag bundle: dist/civic-widgets.js plus the chunks it loads on demand, built from
 * tsc's output in dist/lib. Dynamic imports become relative chunk URLs, resolved against the
 * entry's own URL, so the folder can be served from any path or CDN.
 */
export default {
  input: { 'civic-widgets': 'dist/lib/index.js' },
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames(chunk) {
      // "define.js" of each element folder would all be called "define": name chunks by folder.
      const id = chunk.facadeModuleId;
      const name = id && basename(id) === 'define.js' ? basename(dirname(id)) : chunk.name;
      return `chunks/${name}-[hash].js`;
    },
  },
  plugins: [
    replace({ preventAssignment: false, values: { 'typeof __CIVIC_PROD__': JSON.stringify('boolean') } }),
    resolve(),
    terser({ module: true, ecma: 2020, format: { comments: false } }),
    shipSchema(),
  ],
};

/** Ships the feed's JSON Schema next to the bundle, for validators and editors. */
function shipSchema() {
  return {
    name: 'ship-schema',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'feed.schema.json',
        source: readFileSync(new URL('./src/feed/feed.schema.json', import.meta.url), 'utf8'),
      });
    },
  };
}
