// @ts-check
/**
 * The staff pages in a real browser (Debian's Chromium, or CHROME_PATH): no axe-core violations;
 * printed, the buttons give way to boxes; a check-in from the page's own button goes through with
 * the browser's Basic login, and the same form on a page of another origin is refused.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { post, start } from './rsvp-fixtures.mjs';

const TOKEN = randomBytes(32).toString('base64url');
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * A browser context logged in as staff, closed when the test ends.
 * @param {import('node:test').TestContext} t
 */
async function staffBrowser(t) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  t.after(() => browser.close());
  // The pages allow no script; axe is let in for the check only.
  return browser.newContext({ bypassCSP: true, httpCredentials: { username: 'door', password: TOKEN } });
}

/**
 * axe-core's violations on the page, as "rule: target" lines.
 * @param {import('playwright-core').Page} page
 */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => /** @type {any} */ (globalThis).axe.run(document));
  return /** @type {{ id: string, nodes: { target: string[] }[] }[]} */ (result.violations)
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

describe('the staff pages in a browser', { skip: existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM}` }, () => {
  it('pass axe-core, print without buttons, and check in from the door', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    for (const [name, email] of [['Zoë Zed', 'zoe@example.org'], ['Ada Byron', 'ada@example.org'], ['Cy', 'cy@example.org']]) {
      await post(url, { eventId: 'data-day', name, email, accommodations: 'captions' });
    }
    const context = await staffBrowser(t);
    const page = await context.newPage();
    await page.goto(`${url}/staff`);
    assert.deepEqual(await violations(page), []);
    await page.getByRole('link', { name: 'data-day', exact: true }).click();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'data-day');
    assert.deepEqual(await violations(page), []);

    await page.getByRole('button', { name: 'Check in Zoë Zed' }).click();
    await page.getByRole('button', { name: 'Undo check-in of Zoë Zed' }).waitFor();
    assert.match(await page.locator('.counts').textContent() ?? '', /Checked in1/);
    assert.deepEqual(await violations(page), []);

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button').count(), 0, 'printed: no buttons');
    assert.equal(await page.locator('.box').first().isVisible(), true, 'printed: a box to tick');
  });

  it('refuses the same check-in posted by a page of another origin', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    await post(url, { eventId: 'data-day', name: 'Ada Byron', email: 'ada@example.org' });
    const action = `${url}/registrations/1/check-in`;
    const attacker = createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(`<!doctype html><title>Win a prize</title><form method="post" action="${action}"><button>Claim</button></form>`);
    });
    await new Promise((resolve) => attacker.listen(0, 'localhost', () => resolve(undefined)));
    t.after(() => attacker.close());
    const address = /** @type {import('node:net').AddressInfo} */ (attacker.address());
    const context = await staffBrowser(t);
    const page = await context.newPage();
    await page.goto(`${url}/staff`); // logged in, as a staff member would be
    await page.goto(`http://localhost:${address.port}/`);
    const [answer] = await Promise.all([page.waitForResponse(action), page.getByRole('button', { name: 'Claim' }).click()]);
    assert.equal(answer.status(), 403);
    const list = await (await fetch(`${url}/staff`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' } })).json();
    assert.equal(list.occurrences[0].checkedIn, 0);
  });
});
