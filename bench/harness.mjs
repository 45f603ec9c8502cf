/**
 * The harness the benchmarks share: the repository root, the `--rounds` option, esbuild bundling
 * of a page's code, a loopback static server, headless Chromium through playwright-core, and
 * the statistics (median, quantile).
 *
 * Each benchmark exports `run()`, resolving to rows for bench/all.mjs:
 *   { element, measure, ours, peer, peerName, budget, ratio, goal, ok, note }
 * in milliseconds; `peer` and `peerName` are null where there is no peer, and `budget` is then the
 * goal in milliseconds, `ratio` being ours / budget; `goal` is text ("≤ 1.2", "< 16 ms") or null,
 * and `ok` is null where there is no goal.
 */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Whether the module at `url` (its `import.meta.url`) is the script node was started with. */
export function isMain(url) {
  return Boolean(process.argv[1]) && url === pathToFileURL(process.argv[1]).href;
}

/** The number after `--rounds` (or `flag`) on the command line, or `fallback`. */
export function roundsOption(fallback, flag = '--rounds') {
  const at = process.argv.indexOf(flag);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Lit's decorators as the project compiles them (tsconfig.json). */
export const LIT_TSCONFIG = { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } };

/** Bundles `entry` (relative to the root) into one ES module, returned as text; `options` add to esbuild's. */
export async function bundle(entry, options = {}) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    absWorkingDir: root,
    logLevel: 'warning',
    ...options,
  });
  return result.outputFiles[0].text;
}

/**
 * Serves `files` ({ path: [content type, body] }) on loopback, on a free port.
 * Resolves to { url, close }; `url` ends without a slash.
 */
export async function serve(files) {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url, 'http://localhost').pathname];
    response.writeHead(file ? 200 : 404, { 'content-type': file ? `${file[0]}; charset=utf-8` : 'text/plain' });
    response.end(file ? file[1] : 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** Headless Chromium (Debian's, or CHROME_PATH); --expose-gc lets a page collect garbage between measurements. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
  });
}

/**
 * Serves `files`, launches Chromium, and calls `fn({ browser, url })`; closes both afterwards,
 * whatever happens, and resolves to what `fn` returns.
 */
export async function inChromium(files, fn) {
  const server = await serve(files);
  let browser;
  try {
    browser = await launch();
    return await fn({ browser, url: server.url });
  } finally {
    await browser?.close();
    server.close();
  }
}

/**
 * A new tab (with its own context: `contextOptions` such as viewport, timezoneId, locale) that
 * reports page errors; `setup(page)` runs before it loads `url`, and it resolves once `ready`
 * (run in the page) is true.
 */
export async function openPage(browser, url, ready, { contextOptions, setup } = {}) {
  const page = await browser.newPage(contextOptions);
  await setup?.(page);
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`${url}/`);
  await page.waitForFunction(ready);
  return page;
}

export function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The `q` quantile of `list`, interpolating linearly between ranks. */
export function quantile(list, q) {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
}

/** A row whose goal is a time budget: no peer, the ratio is ours / budget. */
export function budgetRow(element, measure, ours, budgetMs) {
  const ok = budgetMs === null ? null : ours < budgetMs;
  return {
    element,
    measure,
    ours,
    peer: null,
    peerName: null,
    budget: budgetMs,
    ratio: budgetMs === null ? null : ours / budgetMs,
    goal: budgetMs === null ? null : `< ${budgetMs} ms`,
    ok,
  };
}
