// @ts-check
/**
 * A Web Test Runner plugin that serves the map's basemap geometry (the TopoJSON files of the
 * `world-atlas` and `us-atlas` packages) as JavaScript modules, `export default {…}`, so that
 * `import('world-atlas/countries-110m.json')` works in the browser tests as it does in Rollup
 * (@rollup/plugin-json), Vite (Storybook) and esbuild (the benchmark). Only those two packages:
 * every other `.json` the tests fetch stays JSON.
 */

// Also under /__wds-outside-root__/…/node_modules/ when node_modules is a link out of the project.
const ATLAS = /^\/(?:.*\/)?node_modules\/(world-atlas|us-atlas)\/[\w-]+\.json$/;

/** @returns {import('@web/dev-server-core').Plugin} */
export function jsonPlugin() {
  return {
    name: 'civic-atlas-json',
    resolveMimeType(context) {
      if (ATLAS.test(context.path)) return 'js';
      return undefined;
    },
    transform(context) {
      if (!ATLAS.test(context.path) || typeof context.body !== 'string') return undefined;
      // JSON is valid JavaScript; parse it once to fail loudly on a broken file.
      JSON.parse(context.body);
      return { body: `export default ${context.body};\n`, transformCache: true };
    },
  };
}
