// @ts-check
/**
 * The staff side (#17 item 4): the events with their counts, an occurrence's attendance list as
 * a printable page and as CSV, check-in marks from the page's buttons or the API, all behind the
 * staff token (Bearer, or Basic so a browser asks); and a browser's stored credentials cannot be
 * used by a page on another site to change anything.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseCsv, post, start } from './rsvp-fixtures.mjs';

const TOKEN = randomBytes(32).toString('base64url');
const BEARER = { Authorization: `Bearer ${TOKEN}` };
const BASIC = { Authorization: `Basic ${Buffer.from(`door:${TOKEN}`).toString('base64')}` };
/** What a browser sends with a form on the server's own page. */
const SAME_ORIGIN_FORM = { ...BASIC, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/x-www-form-urlencoded' };

/**
 * Four patrons for data-day (two seats and a waitlist); the third cancels, the first checks in.
 * @param {string} url
 */
async function doorScene(url) {
  for (const [name, email] of [['Zoë Zed', 'zoe@example.org'], ['ada Byron', 'ada@example.org'], ['<b>Ben</b>', 'ben@example.org'], ['=Cy', 'cy@example.org']]) {
    await post(url, { eventId: 'data-day', name, email, accommodations: name === 'ada Byron' ? 'step-free entrance' : '', answers: { role: 'teacher' } });
  }
  assert.equal((await fetch(`${url}/registrations/3`, { method: 'DELETE', headers: BEARER })).status, 200);
  assert.equal((await fetch(`${url}/registrations/2/check-in`, { method: 'POST', headers: BEARER })).status, 200);
}

/**
 * The rows of the table under a heading, as text per cell.
 * @param {string} html
 * @param {string} heading
 */
function tableAfter(html, heading) {
  const at = html.indexOf(`<h2>${heading}`);
  const table = html.slice(at, html.indexOf('</table>', at));
  return [...table.matchAll(/<tr id="r(\d+)">(.*?)<\/tr>/g)].map((row) => ({
    id: Number(row[1]),
    cells: [...(row[2] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1] ?? ''),
  }));
}

describe('the attendance list', () => {
  it('is a printable page: names sorted, the waitlist in order, a check-in column, the counts', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    await doorScene(url);
    const page = await fetch(`${url}/staff/attendance?eventId=data-day&occurrence=`, { headers: BASIC });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'; style-src 'sha256-[^']+'; form-action 'self'; frame-ancestors 'none'/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.equal(page.headers.get('cache-control'), 'no-store');
    const html = await page.text();
    assert.match(html, /@media print/);
    assert.match(html, /<dt>Capacity<\/dt><dd>2<\/dd><\/div><div><dt>Confirmed<\/dt><dd>2<\/dd><\/div><div><dt>Waitlisted<\/dt><dd>1<\/dd><\/div><div><dt>Cancelled<\/dt><dd>1<\/dd><\/div><div><dt>Checked in<\/dt><dd>1<\/dd>/);
    const confirmed = tableAfter(html, 'Confirmed');
    assert.deepEqual(confirmed.map((row) => row.cells[0]), ['ada Byron', 'Zoë Zed']);
    assert.match(confirmed[0]?.cells[1] ?? '', /Checked in .*aria-label="Undo check-in of ada Byron">Undo<\/button>/);
    assert.match(confirmed[1]?.cells[1] ?? '', /<form method="post" action="\/api\/rsvp\/registrations\/1\/check-in"><button type="submit" aria-label="Check in Zoë Zed">Check in<\/button><\/form>/);
    assert.deepEqual(confirmed.map((row) => [row.cells[2], row.cells[3]]), [['step-free entrance', 'role: teacher'], ['', 'role: teacher']]);
    assert.deepEqual(tableAfter(html, 'Waitlist').map((row) => row.cells.slice(0, 2)), [['1', '=Cy']]);
    assert.doesNotMatch(html, /<b>Ben<\/b>|ben@example|@example\.org/, 'the cancelled one is gone, and no email is shown');
  });

  it('comes as CSV, in the same order, quoted and formula-safe', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    await doorScene(url);
    const response = await fetch(`${url}/staff/attendance.csv?eventId=data-day&occurrence=`, { headers: BASIC });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="attendance-data-day\.csv"/);
    const [header, ...body] = parseCsv((await response.text()).replace(/^\ufeff/, ''));
    const at = (/** @type {string} */ name) => header?.indexOf(name) ?? -1;
    assert.deepEqual(body.map((row) => [row[at('name')], row[at('status')], row[at('checked_in_at')] !== '']), [
      ['ada Byron', 'confirmed', true], ['Zoë Zed', 'confirmed', false], ["'=Cy", 'waitlisted', false],
    ]);
  });

  it('is listed with its counts on the staff index, as a page and as JSON', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    await doorScene(url);
    await post(url, { eventId: 'user-group', occurrence: '2030-03-12T18:30:00-04:00' });
    const html = await (await fetch(`${url}/staff`, { headers: BASIC })).text();
    assert.match(html, /<a href="\/api\/rsvp\/staff\/attendance\?eventId=data-day&#38;occurrence=">data-day<\/a>/);
    assert.match(html, /<a href="\/api\/rsvp\/staff\/attendance\?eventId=user-group&#38;occurrence=2030-03-12T22%3A30%3A00.000Z">user-group<\/a><\/th><td>Tuesday, March 12, 2030 at 6:30 PM<\/td>/);
    const json = await (await fetch(`${url}/staff`, { headers: { ...BEARER, Accept: 'application/json' } })).json();
    assert.deepEqual(json.occurrences.find((/** @type {{ eventId: string }} */ o) => o.eventId === 'data-day'), {
      eventId: 'data-day', occurrence: '', title: 'data-day', startsAt: null, endsAt: null, capacity: 2,
      confirmed: 2, waitlisted: 1, cancelled: 1, checkedIn: 1,
      attendance: '/api/rsvp/staff/attendance?eventId=data-day&occurrence=',
      csv: '/api/rsvp/staff/attendance.csv?eventId=data-day&occurrence=',
    });
  });
});

describe('check-in', () => {
  it('marks and unmarks from the page\'s buttons, answering with the list again', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    await doorScene(url);
    const checkIn = await fetch(`${url}/registrations/1/check-in`, { method: 'POST', headers: SAME_ORIGIN_FORM, body: '', redirect: 'manual' });
    assert.equal(checkIn.status, 303);
    assert.equal(checkIn.headers.get('location'), '/api/rsvp/staff/attendance?eventId=data-day&occurrence=#r1');
    const page = await (await fetch(`${url}/staff/attendance?eventId=data-day&occurrence=`, { headers: BASIC })).text();
    assert.match(page, /<dt>Checked in<\/dt><dd>2<\/dd>/);
    const undo = await fetch(`${url}/registrations/1/check-in`, { method: 'POST', headers: SAME_ORIGIN_FORM, body: 'undo=1', redirect: 'manual' });
    assert.equal(undo.status, 303);
    assert.match(await (await fetch(`${url}/staff/attendance?eventId=data-day&occurrence=`, { headers: BASIC })).text(), /<dt>Checked in<\/dt><dd>1<\/dd>/);
  });

  it('answers JSON to a script: POST marks, DELETE unmarks; not for a cancelled or unknown registration', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    await doorScene(url);
    const marked = await fetch(`${url}/registrations/4/check-in`, { method: 'POST', headers: BEARER });
    const body = await marked.json();
    assert.deepEqual([marked.status, body.id, body.checkedIn], [200, 4, true]);
    assert.ok(!Number.isNaN(Date.parse(body.checkedInAt)));
    assert.deepEqual(await (await fetch(`${url}/registrations/4/check-in`, { method: 'DELETE', headers: BEARER })).json(), { id: 4, checkedIn: false, checkedInAt: null });
    assert.equal((await fetch(`${url}/registrations/3/check-in`, { method: 'POST', headers: BEARER })).status, 409);
    assert.equal((await fetch(`${url}/registrations/99/check-in`, { method: 'POST', headers: BEARER })).status, 404);
    assert.equal((await fetch(`${url}/registrations/1/check-in`, { headers: BEARER })).status, 405);
  });
});

describe('staff credentials', () => {
  it('are asked for, with a login box for browsers; wrong ones are refused', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN });
    for (const path of ['/staff', '/staff/attendance?eventId=data-day', '/staff/attendance.csv?eventId=data-day', '/export.csv']) {
      for (const headers of [{}, { Authorization: `Basic ${Buffer.from('door:wrong').toString('base64')}` }, { Authorization: 'Bearer wrong' }]) {
        const response = await fetch(`${url}${path}`, { headers });
        assert.equal(response.status, 401, path);
        assert.match(response.headers.get('www-authenticate') ?? '', /Basic realm="civic-widgets staff"/);
        await response.body?.cancel();
      }
      const ok = await fetch(`${url}${path}`, { headers: BASIC });
      assert.equal(ok.status, 200, path);
      await ok.body?.cancel();
    }
    assert.equal((await fetch(`${url}/registrations/1/check-in`, { method: 'POST' })).status, 401);
  });

  it('do not exist without a staff token', async (t) => {
    const { url } = await start(t);
    for (const path of ['/staff', '/staff/attendance?eventId=data-day']) assert.equal((await fetch(`${url}${path}`, { headers: BASIC })).status, 404);
  });

  it('cannot be used by a page on another site to change anything', async (t) => {
    const { url } = await start(t, { exportToken: TOKEN, allowedOrigins: ['https://www.library.example'], publicOrigin: 'https://events.library.example' });
    await doorScene(url);
    const host = new URL(url).host;
    const attempts = [
      { ...SAME_ORIGIN_FORM, 'Sec-Fetch-Site': 'cross-site' },
      { ...SAME_ORIGIN_FORM, 'Sec-Fetch-Site': 'same-site' },
      { ...BASIC, 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      { ...BASIC, 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://www.library.example' },
      { ...BASIC, Origin: 'null' },
      { ...BASIC }, // Basic with neither header: an old browser, or a forgery that hides where it comes from
      { ...BEARER, Origin: 'https://evil.example' },
    ];
    for (const headers of attempts) {
      const checkIn = await fetch(`${url}/registrations/1/check-in`, { method: 'POST', headers, body: '', redirect: 'manual' });
      assert.equal(checkIn.status, 403, JSON.stringify(headers));
      const cancel = await fetch(`${url}/registrations/1`, { method: 'DELETE', headers });
      assert.equal(cancel.status, 403, JSON.stringify(headers));
    }
    const preflight = await fetch(`${url}/registrations/1/check-in`, {
      method: 'OPTIONS', headers: { Origin: 'https://www.library.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null, 'no CORS for staff routes, even for the library\'s site');
    const json = await (await fetch(`${url}/staff`, { headers: { ...BEARER, Accept: 'application/json' } })).json();
    assert.deepEqual(json.occurrences.map((/** @type {{ checkedIn: number, cancelled: number }} */ o) => [o.checkedIn, o.cancelled]), [[1, 1]], 'nothing changed');
    // The server's own pages, by Origin when a browser sends no Sec-Fetch-Site.
    for (const origin of [`http://${host}`, 'https://events.library.example']) {
      const own = await fetch(`${url}/registrations/1/check-in`, { method: 'POST', headers: { ...BASIC, 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin }, body: '', redirect: 'manual' });
      assert.equal(own.status, 303, origin);
    }
    assert.equal((await fetch(`${url}/registrations/1/check-in`, { method: 'DELETE', headers: BEARER })).status, 200, 'a script with the bearer token');
  });
});
