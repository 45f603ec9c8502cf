/** What both calendar benchmarks put in their page: production builds, FullCalendar 7's CSS, the timing helpers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIT_TSCONFIG, bundle, root } from '../harness.mjs';

/** The production builds: Lit without its dev-mode checks, React-free FullCalendar as shipped. */
export const production = (entry) =>
  bundle(entry, {
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"', __CIVIC_PROD__: 'true' },
    conditions: ['production'],
    tsconfigRaw: LIT_TSCONFIG,
  });

/** FullCalendar 7's classic theme, as a page using it would include it. */
export function fullCalendar7Css() {
  return ['skeleton.css', 'themes/classic/theme.css', 'themes/classic/palette.css']
    .map((file) => readFileSync(join(root, 'node_modules/fullcalendar7', file), 'utf8'))
    .join('\n');
}

/** The page's files: `scripts` ({ name: bundled text }) each loaded as a module, after the timing helpers. */
export async function calendarPage(title, scripts) {
  const all = { timing: await production('bench/calendar/timing.js'), ...scripts };
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title>
<style>body { margin: 0; font: 16px system-ui, sans-serif; } .stage { width: 1200px; }</style>
<style>${fullCalendar7Css()}</style>
${Object.keys(all).map((name) => `<script type="module" src="/${name}.js"></script>`).join('')}
<body></body></html>`;
  return {
    '/': ['text/html', page],
    ...Object.fromEntries(Object.entries(all).map(([name, text]) => [`/${name}.js`, ['text/javascript', text]])),
  };
}
