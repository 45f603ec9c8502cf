import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import json from '@rollup/plugin-json';
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
    manualChunks,
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames(chunk) {
      // "define.js" of each element folder would all be called "define": name chunks by folder.
      // Look through the chunk's modules, not only its facade: an element's chunk that also shares
      // helpers with its own lazy parts has no single facade module.
      // The manual chunks (core, time) keep their names; a chunk of shared directives is named by its first.
      const define = chunk.moduleIds.find((m) => basename(m) === 'define.js');
      const name = define ? basename(dirname(define)) : chunk.name;
      return `chunks/${name}-[hash].js`;
    },
  },
  onwarn(warning, warn) {
    // tsc's decorator helper tests `this` at module level; in an ES module that is undefined by design.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
  plugins: [
    replace({ preventAssignment: false, values: { 'typeof __CIVIC_PROD__': JSON.stringify('boolean') } }),
    resolve(),
    // The map's basemap geometry (world-atlas, us-atlas TopoJSON) is imported as JSON, into its own chunk.
    json({ preferConst: true, compact: true }),
    // Our html`` and css`` templates lose their indentation and comments (Lit's own are already minified).
    minifyLiterals({ include: ['dist/lib/**/*.js'], failOnError: true, options: { minifyOptions: { conservativeCollapse: true } } }),
    terser({ module: true, ecma: 2020, format: { comments: false } }),
    shipSchema(),
    bundleGraph(),
  ],
};

/**
 * A few shared chunks instead of one per combination of elements: every element needs `core` (Lit,
 * the base class, feed loading, the common strings), and those with dates need `time`. A dozen
 * small chunks cost more than the few bytes each element would not use: each is gzipped alone
 * (about 4 KiB more for a group finder's first load) and fetched on its own.
 */
function manualChunks(id) {
  // Lit itself and the context consumer; directives (and their base classes) and the provider go
  // where they are used: only the views use directives.
  if (/\/node_modules\/lit-html\/(directives\/|directive\.js|directive-helpers\.js|async-directive\.js)/.test(id)) return undefined;
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/(?!directives\/)/.test(id)) return 'core';
  if (/\/node_modules\/@lit\/context\/lib\/(context-root|context-request-event|create-context|controllers\/context-consumer)\.js$/.test(id)) return 'core';
  // Only <civic-feed> provides: left alone, rollup would fold the provider into `core`.
  if (/\/node_modules\/@lit\/task\//.test(id)) return 'occurrences';
  if (/\/node_modules\/@lit\/context\/lib\/(value-notifier|controllers\/context-provider)\.js$/.test(id)) return 'context-provider';
  const own = /\/dist\/lib\/(.+)\.js$/.exec(id)?.[1];
  if (!own) return undefined;
  if (/^feed\/(zoned-time|feed-date|display-zone)$/.test(own)) return 'time';
  // Dated occurrences (the index, kept windows, the controller on @lit/task): only the calendar,
  // the group finder and the RSVP form show them, so the resource list and the map do not fetch them.
  if (/^(feed\/(occurrences|place-occurrence|event-index)|shared\/occurrences-controller)$/.test(own)) return 'occurrences';
  // The words for a feed's values and the search over them, which the views of every element but
  // the RSVP form show.
  if (/^(shared\/feed-words|shared\/faceted-list\/labels|locales\/en\/vocabulary|shared\/text-search)$/.test(own)) return 'words';
  if (
    // controls.styles (the look of fields and buttons, two strings) and max-timer (one number) are
    // shared by every element's views: alone, each would be a chunk and a request of its own.
    /^shared\/(civic-element|feed-source-element|converters|date-format|dev|events|lazy-part|locale|localize|shared\.styles|url-state|feed-context|feed-controller|mapping-option|controls\.styles|max-timer)$/.test(own) ||
    /^feed\/(feed-cache|feed-reader|load-feed|types|adapter)$/.test(own) ||
    own === 'locales/en/common'
  ) {
    return 'core';
  }
  return undefined;
}

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

/** Writes which chunk imports which (dist/bundle-graph.json), for `npm run size` to add up first loads. */
function bundleGraph() {
  return {
    name: 'bundle-graph',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle)
        .filter((item) => item.type === 'chunk')
        .map((chunk) => ({
          fileName: chunk.fileName,
          name: chunk.name,
          isEntry: chunk.isEntry,
          facade: chunk.facadeModuleId ? chunk.facadeModuleId.replace(`${process.cwd()}/`, '') : null,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          modules: Object.keys(chunk.modules).map((id) => id.replace(`${process.cwd()}/`, '')),
        }));
      this.emitFile({ type: 'asset', fileName: 'bundle-graph.json', source: JSON.stringify(chunks, null, 2) });
    },
  };
}
