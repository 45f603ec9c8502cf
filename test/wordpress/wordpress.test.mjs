// @ts-check
/**
 * The WordPress plugin in a real WordPress (Debian's packages, on loopback; see wordpress-site.mjs):
 * the built zip unpacked and activated, the defaults saved through the settings page as the admin,
 * posts written through the REST API as an Author (who has no unfiltered_html) with block markup,
 * shortcodes and a pasted `data-civic` div. In Chromium, each widget shows the feed's items, the
 * saved posts still hold their markup, axe finds nothing, the script is a module of this site that
 * a `script-src 'self'` policy lets run, only pages with a widget load it, the site's language
 * reaches the widgets, and no request leaves loopback. Run by `npm run test:wordpress`, which
 * builds the zip first (after `npm run build`).
 */
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildSampleFeed } from '../../examples/sample-feed.js';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { missingPackages, startWordPress } from './wordpress-site.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ZIP = join(ROOT, 'dist/wordpress/civic-widgets.zip');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** Every wait in the browser is bounded by this. */
const WAIT = 20_000;

// A strict policy, as a security plugin would send it: only this site's scripts, none inline.
const CSP_PLUGIN = `<?php
add_action('send_headers', function () {
  if (!is_admin()) header("Content-Security-Policy: script-src 'self'");
});
`;

// The Events Calendar is not in Debian: a stand-in defines its main class and answers its REST
// route with our fixture's events (both pages in one, its links to riverside.example.org dropped).
const TRIBE_STAND_IN = `<?php
class Tribe__Events__Main {}
add_action('rest_api_init', function () {
  register_rest_route('tribe/events/v1', '/events', ['methods' => 'GET', 'permission_callback' => '__return_true', 'callback' => function () {
    return json_decode(file_get_contents(WP_CONTENT_DIR . '/uploads/tribe-events.json'), true);
  }]);
});
`;

/**
 * A post written through the REST API with an Application Password.
 * @param {string} base the site's URL (a network's site has its path)
 * @param {string} auth the Authorization header
 * @param {string} title
 * @param {string} content
 */
async function writePostAs(base, auth, title, content) {
  const response = await fetch(`${base}/?rest_route=/wp/v2/posts`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ title, content, status: 'publish' }),
    signal: AbortSignal.timeout(WAIT),
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  return { id: /** @type {number} */ (body.id), link: /** @type {string} */ (body.link) };
}

/**
 * The post's stored content, as its author's editor would load it.
 * @param {string} base
 * @param {string} auth
 * @param {number} id
 */
async function savedContentAs(base, auth, id) {
  const response = await fetch(`${base}/?rest_route=/wp/v2/posts/${id}&context=edit`, { headers: { authorization: auth }, signal: AbortSignal.timeout(WAIT) });
  assert.equal(response.status, 200);
  return /** @type {string} */ ((await response.json()).content.raw);
}

/**
 * The sample feed, served by WordPress itself from its uploads folder: its URL, and a pattern
 * matching any of its event titles (the calendar's buttons are named by them).
 * @param {import('./wordpress-site.mjs').Site} site
 */
async function publishSampleFeed(site) {
  await mkdir(join(site.root, 'wp-content/uploads'), { recursive: true });
  const sample = buildSampleFeed(new Date());
  await writeFile(join(site.root, 'wp-content/uploads/civic-feed.json'), JSON.stringify(sample));
  const titles = sample.events.map((e) => e.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { feed: `${site.url}/wp-content/uploads/civic-feed.json`, anEvent: new RegExp(`^(${titles.join('|')})$`) };
}

/** Headless Chromium, Debian's. */
function launchChromium() {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * A browser context whose requests (into `requests`) and CSP violations (into `violations`) are
 * recorded; a request off loopback is refused.
 * @param {import('playwright-core').Browser} browser
 * @param {string[]} requests
 * @param {{ blockedURI: string, directive: string, sample: string, page: string }[]} violations
 */
async function watchedContext(browser, requests, violations) {
  const watched = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  watched.setDefaultTimeout(WAIT);
  await watched.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    const { hostname, protocol } = new URL(url);
    return hostname === '127.0.0.1' || protocol === 'data:' || protocol === 'blob:' ? route.continue() : route.abort();
  });
  await watched.exposeFunction('civicReportViolation', (/** @type {typeof violations[number]} */ v) => { violations.push(v); });
  await watched.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      // @ts-expect-error exposed by the test
      window.civicReportViolation({ blockedURI: e.blockedURI, directive: e.effectiveDirective, sample: e.sample, page: location.href });
    });
  });
  return watched;
}

/**
 * Opens a page; resolves to the page and the server's response.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 */
async function openIn(context, url) {
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: 'load', timeout: WAIT });
  assert.ok(response?.ok(), `${url}: ${response?.status()}`);
  return { page, response };
}

/** The requests in `requests` that left loopback. @param {string[]} requests */
function offLoopback(requests) {
  return requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).hostname !== '127.0.0.1');
}

/**
 * axe-core's WCAG 2.x A/AA rules on the widgets (not on the theme, which is not ours). Run through
 * the DevTools protocol: an injected script tag would be refused by the page's own policy.
 * @param {import('playwright-core').Page} page
 * @param {string[]} selectors
 */
async function axe(page, selectors) {
  await page.evaluate(AXE);
  const violationsFound = await page.evaluate(async (include) => {
    // @ts-expect-error axe is now on the window
    const results = await window.axe.run({ include: include.map((s) => [s]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return results.violations.map((/** @type {{ id: string, help: string, nodes: { target: unknown }[] }} */ v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  }, selectors);
  assert.deepEqual(violationsFound, [], `axe found:\n${violationsFound.join('\n')}`);
}

const missing = missingPackages();
const skip = missing.length ? `needs Debian's ${missing.join(', ')} (apt-get install ${missing.join(' ')})` : !existsSync(ZIP) ? 'run `npm run build:wordpress` first' : false;

describe('the WordPress plugin in WordPress 6 (Debian)', { skip, timeout: 300_000 }, () => {
  /** @type {import('./wordpress-site.mjs').Site} */
  let site;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** A visitor's browser (not logged in), and the admin's. */
  /** @type {import('playwright-core').BrowserContext} */
  let context;
  /** @type {import('playwright-core').BrowserContext} */
  let adminContext;
  /** Every URL the browser asked for. */
  const requests = /** @type {string[]} */ ([]);
  /** CSP violations the pages reported. */
  const violations = /** @type {{ blockedURI: string, directive: string, sample: string, page: string }[]} */ ([]);
  let feed = '';
  /** Any of the feed's event titles, as the calendar names its buttons. */
  let anEvent = /$^/;
  let author = '';
  /** @type {Record<string, { id: number, link: string }>} */
  const posts = {};

  before(async () => {
    site = await startWordPress({ zip: ZIP, muPlugins: { 'strict-csp.php': CSP_PLUGIN, 'tribe-stand-in.php': TRIBE_STAND_IN } });
    ({ feed, anEvent } = await publishSampleFeed(site));
    const tribePages = ['events-page-1.json', 'events-page-2.json'].map((f) => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/tribe', f), 'utf8')));
    const tribe = { events: tribePages.flatMap((p) => p.events), total: tribePages[0].total, total_pages: 1 };
    await writeFile(join(site.root, 'wp-content/uploads/tribe-events.json'), JSON.stringify(tribe));
    const setup = JSON.parse(site.php(`
      $activated = activate_plugin('civic-widgets/civic-widgets.php');
      if (is_wp_error($activated)) { echo json_encode(['error' => $activated->get_error_message()]); exit; }
      $id = wp_insert_user(['user_login' => 'author', 'user_pass' => 'author-password', 'user_email' => 'author@example.org', 'role' => 'author']);
      [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'test']);
      // Core's avatars come from gravatar.com: a site that wants no third party turns them off.
      update_option('show_avatars', 0);
      echo json_encode(['password' => $password, 'unfiltered' => user_can($id, 'unfiltered_html')]);
    `));
    assert.equal(setup.error, undefined, setup.error);
    assert.equal(setup.unfiltered, false, 'an Author has no unfiltered_html');
    author = `Basic ${Buffer.from(`author:${setup.password}`).toString('base64')}`;

    browser = await launchChromium();
    context = await watchedContext(browser, requests, violations);
    adminContext = await watchedContext(browser, requests, violations);
    // The editor's welcome guide shows an image from s.w.org: the admin has seen it (WordPress 6.1
    // keeps that preference in localStorage).
    await adminContext.addInitScript(() => {
      localStorage.setItem('WP_DATA_USER_1', JSON.stringify({ 'core/preferences': { preferences: { 'core/edit-post': { welcomeGuide: false } } } }));
    });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** A post written as the Author. @param {string} title @param {string} content */
  const writePost = (title, content) => writePostAs(site.url, author, title, content);
  /** @param {number} id */
  const savedContent = (id) => savedContentAs(site.url, author, id);
  /** @param {string} url @param {import('playwright-core').BrowserContext} [as] the visitor's by default */
  const open = (url, as = context) => openIn(as, url);

  it('saves the default feed and RSVP endpoint through Settings → Civic widgets', async () => {
    const { page } = await open(`${site.url}/wp-login.php`, adminContext);
    await page.getByLabel('Username or Email Address').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill('admin-password');
    await Promise.all([page.waitForURL(/wp-admin/), page.getByRole('button', { name: 'Log In' }).click()]);
    await page.goto(`${site.url}/wp-admin/options-general.php?page=civic-widgets`);
    await page.getByRole('heading', { name: 'Civic widgets', level: 1 }).waitFor();
    // A script address is refused, with a message, and nothing is saved.
    await page.getByRole('textbox', { name: 'Default feed URL' }).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByText('Default feed URL: give an http or https address.').waitFor();
    assert.equal(site.php(`echo civic_widgets_setting('feed_url');`), '');
    await page.getByRole('textbox', { name: 'Default feed URL' }).fill(feed);
    await page.getByRole('textbox', { name: 'Default RSVP endpoint' }).fill(`${site.url}/rsvp`);
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByText('Settings saved.').waitFor();
    assert.equal(site.php(`echo civic_widgets_setting('feed_url');`), feed);
    await axe(page, ['.wrap']);
    await page.close();
  });

  it('keeps an Author\'s blocks, shortcodes and data-civic div through WordPress\'s filters', async () => {
    const content = {
      blocks: `<!-- wp:civic-widgets/event-calendar {"src":"${feed}","view":"list"} /-->\n\n<!-- wp:civic-widgets/rsvp-form {"eventId":"riverside-data-day"} /-->`,
      shortcodes: `[civic_groups onclick="alert(1)"]\n\n[civic_resources src="javascript:alert(1)"]\n\n[civic_map]`,
      div: `<div data-civic="event-calendar" data-src="${feed}" data-view="list"></div>`,
    };
    for (const [name, markup] of Object.entries(content)) {
      posts[name] = await writePost(`Civic ${name}`, markup);
      assert.equal(await savedContent(posts[name].id), markup, `the ${name} post as saved`);
    }
    posts.plain = await writePost('No widgets here', 'Just words.');
  });

  it('shows the blocks with the feed\'s events, the default feed and endpoint filling what the block leaves out', async () => {
    const { page, response } = await open(posts.blocks.link);
    assert.equal(response.headers()['content-security-policy'], "script-src 'self'");
    const calendar = page.locator('civic-event-calendar');
    await calendar.getByRole('button', { name: anEvent }).first().waitFor();
    assert.equal(await calendar.getAttribute('class'), 'wp-block-civic-widgets-event-calendar');
    const form = page.locator('civic-rsvp-form');
    assert.equal(await form.getAttribute('src'), feed);
    assert.equal(await form.getAttribute('endpoint'), `${site.url}/rsvp`);
    await form.getByRole('textbox').first().waitFor();
    await form.getByText('Riverside Data Day').first().waitFor();
    // One module script, this site's, with the plugin's version; nothing inline of ours.
    const scripts = await page.locator('script[src*="civic-widgets"]').evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('type')} ${n.getAttribute('src')}`));
    assert.deepEqual(scripts, [`module ${site.url}/wp-content/plugins/civic-widgets/assets/civic-widgets.js?ver=${version}`]);
    await axe(page, ['civic-event-calendar', 'civic-rsvp-form']);
    await page.close();
  });

  it('shows the shortcodes, dropping unknown attributes and a script address', async () => {
    const { page } = await open(posts.shortcodes.link);
    const groups = page.locator('civic-group-finder');
    await groups.getByText('Housing Data User Group').first().waitFor();
    assert.equal(await groups.getAttribute('onclick'), null);
    const resources = page.locator('civic-resource-list');
    assert.equal(await resources.getAttribute('src'), feed, 'the default feed, not the script address');
    await resources.getByText('Community Data Dialogues', { exact: false }).first().waitFor();
    await page.locator('civic-inspiration-map').getByText("Pittsburgh's Data Day").first().waitFor();
    await axe(page, ['civic-group-finder', 'civic-resource-list', 'civic-inspiration-map']);
    await page.close();
  });

  it('upgrades the Author\'s pasted data-civic div, the script loaded for it', async () => {
    const { page } = await open(posts.div.link);
    await page.locator('[data-civic="event-calendar"] civic-event-calendar').getByRole('button', { name: anEvent }).first().waitFor();
    await axe(page, ['civic-event-calendar']);
    await page.close();
  });

  it('edits the blocks in the block editor, their settings in the sidebar', async () => {
    const page = await adminContext.newPage();
    const errors = /** @type {string[]} */ ([]);
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/wp-admin/post.php?post=${posts.blocks.id}&action=edit`, { timeout: WAIT });
    const calendar = page.getByRole('document', { name: 'Block: Event calendar' });
    await calendar.click();
    await page.getByRole('textbox', { name: 'Feed URL' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Feed URL' }).inputValue(), feed);
    assert.equal(await page.getByRole('combobox', { name: 'View' }).inputValue(), 'list');
    // A change in the sidebar is saved as the block's attributes.
    await page.getByRole('textbox', { name: 'Time zone' }).fill('America/Chicago');
    await page.getByRole('checkbox', { name: 'No search-engine data' }).check();
    await page.getByRole('document', { name: 'Block: RSVP form' }).click();
    assert.equal(await page.getByRole('textbox', { name: 'Event ID' }).inputValue(), 'riverside-data-day');
    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await page.getByRole('button', { name: 'Dismiss this notice' }).or(page.getByText('Post updated.')).first().waitFor();
    const saved = /<!-- wp:civic-widgets\/event-calendar (\{.*?\}) \/-->/.exec(await savedContent(posts.blocks.id));
    assert.deepEqual(JSON.parse(saved?.[1] ?? 'null'), { src: feed, view: 'list', timezone: 'America/Chicago', noSeo: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('loads nothing on a page without a widget', async () => {
    const { page } = await open(posts.plain.link);
    assert.equal(await page.locator('script[src*="civic-widgets"]').count(), 0);
    await page.close();
  });

  it('offers The Events Calendar on the same site as the default feed, read in its own format', async () => {
    const page = await adminContext.newPage();
    await page.goto(`${site.url}/wp-admin/options-general.php?page=civic-widgets`, { timeout: WAIT });
    await page.getByRole('radio', { name: 'The Events Calendar on this site:' }).check();
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.close();
    // The fixture's events are in March 2026.
    const post = await writePost('Events from The Events Calendar', '<!-- wp:civic-widgets/event-calendar {"view":"list","date":"2026-03-07"} /-->');
    const visit = await open(post.link);
    const calendar = visit.page.locator('civic-event-calendar');
    assert.equal(await calendar.getAttribute('format'), 'tribe');
    assert.equal(await calendar.getAttribute('src'), site.php(`echo rest_url('tribe/events/v1/events');`));
    await calendar.getByRole('button', { name: 'Open Data Day – Maps & Spreadsheets' }).waitFor();
    await visit.page.close();
  });

  it('speaks the site\'s language (WPLANG es_ES, no language pack installed)', async () => {
    // update_option() refuses a language whose pack is not installed (and installing one needs the
    // internet): write the option as a site with the pack holds it.
    site.php(`global $wpdb; $wpdb->query("INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES ('WPLANG', 'es_ES', 'yes') ON DUPLICATE KEY UPDATE option_value = 'es_ES'");`);
    assert.equal(site.php('echo get_locale();'), 'es_ES');
    const { page } = await open(posts.blocks.link);
    const calendar = page.locator('civic-event-calendar');
    assert.equal(await calendar.getAttribute('lang'), 'es-ES');
    await calendar.getByRole('button', { name: 'Hoy' }).waitFor();
    await page.close();
  });

  it('let the strict policy run every widget script, and sent no request off loopback', () => {
    const ours = violations.filter((v) => v.blockedURI !== 'inline' || /civic/i.test(v.sample));
    assert.deepEqual(ours, [], 'the policy refused a script of the plugin');
    assert.deepEqual(offLoopback(requests), []);
    assert.ok(requests.some((url) => url.includes('/plugins/civic-widgets/assets/chunks/')), 'the chunks came from the plugin');
    const log = existsSync(site.debugLog) ? readFileSync(site.debugLog, 'utf8') : '';
    const notices = log.split('\n').filter((line) => line.includes('civic-widgets'));
    assert.deepEqual(notices, [], 'PHP notices from the plugin');
  });

  it('deletes its settings when the plugin is deleted', () => {
    assert.notEqual(site.php(`echo json_encode(get_option('civic_widgets_settings'));`), 'false');
    const deleted = site.php(`
      require_once ABSPATH . 'wp-admin/includes/file.php';
      deactivate_plugins('civic-widgets/civic-widgets.php');
      echo json_encode(delete_plugins(['civic-widgets/civic-widgets.php']));
    `);
    assert.equal(deleted, 'true');
    assert.equal(site.php(`echo json_encode(get_option('civic_widgets_settings'));`), 'false');
  });
});

describe('the WordPress plugin on a multisite network', { skip, timeout: 300_000 }, () => {
  /** @type {import('./wordpress-site.mjs').Site} */
  let site;
  /** @type {import('playwright-core').Browser} */
  let browser;
  const requests = /** @type {string[]} */ ([]);
  const violations = /** @type {{ blockedURI: string, directive: string, sample: string, page: string }[]} */ ([]);

  before(async () => {
    site = await startWordPress({ zip: ZIP, multisite: true });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('network-activated, shows a site administrator\'s widgets with that site\'s own default feed', async () => {
    const { feed, anEvent } = await publishSampleFeed(site);
    const setup = JSON.parse(site.php(`
      $activated = activate_plugin('civic-widgets/civic-widgets.php', '', true);
      if (is_wp_error($activated)) { echo json_encode(['error' => $activated->get_error_message()]); exit; }
      $blog = wp_insert_site(['domain' => get_network()->domain, 'path' => '/branch/', 'title' => 'Branch library', 'user_id' => 1]);
      if (is_wp_error($blog)) { echo json_encode(['error' => $blog->get_error_message()]); exit; }
      // WordPress takes the colon out of a new site's domain (a network on a port is for tests only): put the port back.
      global $wpdb;
      $wpdb->update($wpdb->blogs, ['domain' => get_network()->domain], ['blog_id' => $blog]);
      clean_blog_cache($blog);
      // A site's administrator, not the network's: on a network only super admins keep unfiltered_html.
      $id = wp_insert_user(['user_login' => 'branch-admin', 'user_pass' => 'branch-password', 'user_email' => 'branch@example.org']);
      add_user_to_blog($blog, $id, 'administrator');
      switch_to_blog($blog);
      update_option('siteurl', 'http://' . get_network()->domain . '/branch');
      update_option('home', 'http://' . get_network()->domain . '/branch');
      update_option('show_avatars', 0);
      update_option('civic_widgets_settings', ['feed_source' => 'url', 'feed_url' => '${feed}', 'rsvp_endpoint' => '']);
      $unfiltered = user_can($id, 'unfiltered_html');
      $home = home_url();
      restore_current_blog();
      [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'test']);
      echo json_encode(['password' => $password, 'unfiltered' => $unfiltered, 'home' => $home, 'network' => is_plugin_active_for_network('civic-widgets/civic-widgets.php'), 'mainFeed' => civic_widgets_setting('feed_url')]);
    `));
    assert.equal(setup.error, undefined, setup.error);
    assert.equal(setup.network, true, 'network-activated');
    assert.equal(setup.unfiltered, false, "a site administrator on a network has no unfiltered_html");
    assert.equal(setup.mainFeed, '', "the branch's setting is its own, not the main site's");
    const auth = `Basic ${Buffer.from(`branch-admin:${setup.password}`).toString('base64')}`;
    const content = '<!-- wp:civic-widgets/event-calendar {"view":"list"} /-->\n\n[civic_groups]\n\n<div data-civic="resource-list" data-src="' + feed + '"></div>';
    const post = await writePostAs(setup.home, auth, 'Branch programmes', content);
    assert.equal(await savedContentAs(setup.home, auth, post.id), content);

    const context = await watchedContext(browser, requests, violations);
    const { page } = await openIn(context, post.link);
    const calendar = page.locator('civic-event-calendar');
    assert.equal(await calendar.getAttribute('src'), feed);
    await calendar.getByRole('button', { name: anEvent }).first().waitFor();
    // The site's own address for the script: the network's rewrite serves it from the one plugin folder.
    assert.equal(await page.locator('script[type="module"][src*="civic-widgets.js"]').getAttribute('src'), `${setup.home}/wp-content/plugins/civic-widgets/assets/civic-widgets.js?ver=${version}`);
    await page.locator('civic-group-finder').getByText('Housing Data User Group').first().waitFor();
    await page.locator('[data-civic="resource-list"] civic-resource-list').getByText('Community Data Dialogues', { exact: false }).first().waitFor();
    await axe(page, ['civic-event-calendar', 'civic-group-finder', 'civic-resource-list']);
    await page.close();
    await context.close();
    assert.deepEqual(offLoopback(requests), []);
  });
});
