import { expect } from 'chai';
import { interpret, parseRetryAfter, postRsvp, type RsvpBody } from '../../../src/rsvp-form/outbox/rsvp-client.js';

const body: RsvpBody = {
  eventId: 'data-day', name: 'Ada', email: 'ada@example.org', answers: {}, accommodations: '', idempotencyKey: 'key-1',
};

function fakeFetch(answer: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit }[] = [];
  const f = (async (url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(url), init: init ?? {} });
    return answer();
  }) as typeof fetch;
  return { f, requests };
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('rsvp client', () => {
  it('posts JSON with the idempotency key in the header and the body, and no cookies', async () => {
    const { f, requests } = fakeFetch(() => json(201, { status: 'confirmed' }));
    const delivery = await postRsvp('https://library.example/api/rsvp', body, { fetch: f });
    expect(delivery).to.deep.equal({ kind: 'answered', answer: { kind: 'registered', status: 'confirmed', httpStatus: 201 } });
    const { init } = requests[0]!;
    expect(init.method).to.equal('POST');
    expect(init.credentials).to.equal('omit');
    expect((init.headers as Record<string, string>)['Idempotency-Key']).to.equal('key-1');
    expect((init.headers as Record<string, string>)['Content-Type']).to.equal('application/json');
    expect(JSON.parse(String(init.body))).to.deep.equal(body);
  });

  it('reads the answers the contract names', () => {
    expect(interpret(201, { status: 'waitlisted', position: 3, message: 'hi' })).to.deep.equal({
      kind: 'registered', status: 'waitlisted', position: 3, message: 'hi', httpStatus: 201,
    });
    expect(interpret(200, undefined)).to.deep.equal({ kind: 'registered', status: 'confirmed', httpStatus: 200 });
    expect(interpret(409, { status: 'full' })).to.deep.equal({ kind: 'full', httpStatus: 409 });
    expect(interpret(422, { errors: { name: 'Please enter your name.', 'answers.track': 'Pick one.' } })).to.deep.equal({
      kind: 'invalid', errors: { name: 'Please enter your name.', 'answers.track': 'Pick one.' }, httpStatus: 422,
    });
    expect(interpret(403, { error: 'Not from here.' })).to.deep.equal({ kind: 'refused', message: 'Not from here.', httpStatus: 403 });
    expect(interpret(422, { error: 'odd' })).to.deep.equal({ kind: 'refused', message: 'odd', httpStatus: 422 });
  });

  it('reads a cancel link against the endpoint, offers only web links, and says when the email was already registered', () => {
    const endpoint = 'https://events.library.example/api/rsvp';
    expect(interpret(201, { status: 'confirmed', cancelUrl: '/api/rsvp/cancel?token=abc' }, endpoint)).to.deep.equal({
      kind: 'registered', status: 'confirmed', httpStatus: 201, cancelUrl: 'https://events.library.example/api/rsvp/cancel?token=abc',
    });
    expect(interpret(201, { status: 'confirmed', cancelUrl: 'https://library.example/cancel?token=x' }, endpoint)).to.include({
      cancelUrl: 'https://library.example/cancel?token=x',
    });
    expect(interpret(201, { status: 'confirmed', cancelUrl: 'javascript:alert(1)' }, endpoint)).not.to.have.property('cancelUrl');
    expect(interpret(200, { status: 'waitlisted', alreadyRegistered: true }, endpoint)).to.deep.equal({
      kind: 'registered', status: 'waitlisted', httpStatus: 200, alreadyRegistered: true,
    });
    expect(interpret(200, { status: 'confirmed', alreadyRegistered: 'yes' }, endpoint)).not.to.have.property('alreadyRegistered');
  });

  it('retries on a network error, a 5xx and a 429 (with its Retry-After), not on a 4xx', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await postRsvp('https://x.example', body, { fetch: down.f })).to.deep.equal({ kind: 'retry', reason: 'network' });
    const broken = fakeFetch(() => json(503, {}));
    expect(await postRsvp('https://x.example', body, { fetch: broken.f })).to.deep.equal({ kind: 'retry', reason: 'server', status: 503 });
    const busy = fakeFetch(() => json(429, {}, { 'Retry-After': '7' }));
    expect(await postRsvp('https://x.example', body, { fetch: busy.f })).to.deep.equal({ kind: 'retry', reason: 'busy', status: 429, retryAfterMs: 7000 });
    const refused = fakeFetch(() => json(400, { error: 'Send JSON.' }));
    expect(await postRsvp('https://x.example', body, { fetch: refused.f })).to.deep.include({ kind: 'answered' });
  });

  it('gives up on an attempt after the timeout and calls it a timeout', async () => {
    const hang = ((_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      })) as typeof fetch;
    expect(await postRsvp('https://x.example', body, { fetch: hang, timeoutMs: 50 })).to.deep.equal({ kind: 'retry', reason: 'timeout' });
  });

  it('reads Retry-After as seconds or a date, capped at an hour', () => {
    const now = Date.UTC(2030, 0, 1);
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).to.equal(5000);
    expect(parseRetryAfter('999999', now)).to.equal(3_600_000);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });
});
