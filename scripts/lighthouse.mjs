// `npm run lighthouse`: Lighthouse (performance, accessibility, best practices) on the demo page,
// in Debian's Chromium, served locally by the demo server. Prints the scores and what fell short.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { findChromium } from './find-chromium.mjs';
import { startDemoServer } from './serve.mjs';

const { server, url } = await startDemoServer({ port: 0 });
const chrome = await launch({
  chromePath: findChromium(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let failed = false;
try {
  // LH_PRESET=desktop (the default) is Lighthouse's own desktop preset, as `lighthouse
  // --preset=desktop` runs it: a desktop screen on a fast connection (40 ms, 10 Mbps), no CPU
  // slowdown. LH_PRESET=mobile is Lighthouse's default: a mid-range phone on slow 4G (150 ms,
  // 1.6 Mbps, CPU four times slower).
  const preset = process.env.LH_PRESET ?? 'desktop';
  if (preset !== 'desktop' && preset !== 'mobile') throw new Error(`LH_PRESET must be desktop or mobile, not ${preset}`);
  console.log(`Lighthouse ${preset} preset, ${process.env.LH_THROTTLING ?? 'simulate'} throttling`);
  const result = await lighthouse(
    url,
    {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      throttlingMethod: process.env.LH_THROTTLING ?? 'simulate',
    },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  const { categories, audits } = result.lhr;
  // `--why`: the diagnostics behind the performance score.
  if (process.argv.includes('--why')) {
    for (const id of ['largest-contentful-paint-element', 'render-blocking-resources', 'network-requests', 'bootup-time', 'mainthread-work-breakdown', 'long-tasks']) {
      const audit = audits[id];
      console.log(`## ${audit?.title ?? id} ${audit?.displayValue ?? ''}`);
      for (const item of (audit?.details?.items ?? []).slice(0, 15)) console.log(`   ${JSON.stringify(item).slice(0, 600)}`);
    }
  }
  for (const category of Object.values(categories)) {
    const score = Math.round((category.score ?? 0) * 100);
    console.log(`${category.title.padEnd(16)} ${score}`);
    if (score < 100) {
      failed = true;
      for (const ref of category.auditRefs) {
        const audit = audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  - ${audit.title} (${audit.displayValue ?? audit.score})`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exit(failed && process.argv.includes('--strict') ? 1 : 0);
