import { expect } from 'chai';
import {
  Outbox, RETRY_BASE_MS, RETRY_CAP_MS, retryDelay, type Delivery, type KeyValueStore, type OutboxEvent, type OutboxItem,
} from '../../../src/rsvp-form/outbox/outbox.js';

/** A clock and timers that move only when the test says so. */
class FakeTime {
  now = Date.UTC(2030, 0, 1);
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  readonly timersApi = {
    set: (fn: () => void, ms: number) => {
      const id = this.next++;
      this.timers.push({ at: this.now + ms, fn, id });
      return id;
    },
    clear: (id: unknown) => {
      this.timers = this.timers.filter((t) => t.id !== id);
    },
  };

  /** When the earliest timer fires, or undefined. */
  get nextTimer(): number | undefined {
    return this.timers.length ? Math.min(...this.timers.map((t) => t.at)) - this.now : undefined;
  }

  /** Moves the clock by `ms`, firing due timers in order, and lets their promises settle. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = Math.max(this.now, due.at);
      due.fn();
      await flushPromises();
    }
    this.now = until;
    await flushPromises();
  }
}

async function flushPromises(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

type Answer = { status: number };
type Body = { n: number };

/** A sender that answers with whatever the test queues up next (default: the network is down). */
function scriptedSender() {
  const script: Delivery<Answer>[] = [];
  const calls: { key: string; at: number }[] = [];
  return {
    script,
    calls,
    send(clock: FakeTime) {
      return async (item: OutboxItem<Body>) => {
        calls.push({ key: item.key, at: clock.now });
        return script.shift() ?? { kind: 'retry', reason: 'network' };
      };
    },
  };
}

const ok: Delivery<Answer> = { kind: 'answered', answer: { status: 201 } };

describe('rsvp outbox', () => {
  it('backs off from 2–4 s, doubling, capped at 5 minutes', () => {
    expect(retryDelay(1, () => 0)).to.equal(RETRY_BASE_MS / 2);
    expect(retryDelay(1, () => 1)).to.equal(RETRY_BASE_MS);
    expect(retryDelay(1, () => 1)).to.be.at.most(5000);
    expect([2, 3, 4, 5].map((n) => retryDelay(n, () => 1))).to.deep.equal([8000, 16000, 32000, 64000]);
    expect(retryDelay(20, () => 1)).to.equal(RETRY_CAP_MS);
    expect(retryDelay(1000, () => 0)).to.equal(RETRY_CAP_MS / 2);
  });

  it('keeps a failed submission, retries on the backoff schedule, and forgets it once answered', async () => {
    const clock = new FakeTime();
    const store = new MemoryStore();
    const sender = scriptedSender();
    const box = new Outbox<Answer, Body>({ send: sender.send(clock), storage: store, now: () => clock.now, timers: clock.timersApi, random: () => 1 });
    const events: OutboxEvent<Answer, Body>[] = [];
    box.subscribe((e) => events.push(e));

    const first = await box.submit({ key: 'k1', endpoint: 'https://x.example/rsvp', body: { n: 1 } }, { persist: true });
    expect(first).to.deep.include({ kind: 'queued', persisted: true });
    const stored = JSON.parse(store.getItem('civic-widgets:rsvp:v1:k1')!) as OutboxItem<Body>;
    expect(stored).to.deep.include({ key: 'k1', endpoint: 'https://x.example/rsvp', body: { n: 1 }, attempts: 1 });
    expect(stored.savedAt).to.equal(clock.now);
    expect(clock.nextTimer).to.equal(4000);

    await clock.advance(4000); // second attempt fails too: the wait doubles
    expect(sender.calls).to.have.length(2);
    expect(clock.nextTimer).to.equal(8000);
    await clock.advance(8000);
    expect(sender.calls).to.have.length(3);
    expect(clock.nextTimer).to.equal(16000);

    sender.script.push(ok);
    await clock.advance(16000);
    expect(sender.calls.map((c) => c.key)).to.deep.equal(['k1', 'k1', 'k1', 'k1']);
    expect(store.map.size).to.equal(0);
    expect(clock.nextTimer).to.equal(undefined);
    expect(events.map((e) => e.type)).to.deep.equal(['queued', 'queued', 'queued', 'answered']);
  });

  it('deletes a submission unsent once its event is over, and tells its submitter', async () => {
    const clock = new FakeTime();
    const store = new MemoryStore();
    const sender = scriptedSender();
    const box = new Outbox<Answer, Body>({ send: sender.send(clock), storage: store, now: () => clock.now, timers: clock.timersApi, random: () => 1 });
    const events: OutboxEvent<Answer, Body>[] = [];
    const owner = {};
    box.subscribe((e) => events.push(e), owner);
    await box.submit({ key: 'late', endpoint: 'e', body: { n: 1 }, expiresAt: clock.now + 10_000 }, { persist: true, owner });
    await box.submit({ key: 'later', endpoint: 'e', body: { n: 2 }, expiresAt: clock.now + 60 * 60_000 }, { persist: true });
    expect(JSON.parse(store.getItem('civic-widgets:rsvp:v1:late')!)).to.have.property('expiresAt', clock.now + 10_000);

    await clock.advance(12_000); // the network is still down when the event ends
    expect(store.getItem('civic-widgets:rsvp:v1:late')).to.equal(null);
    expect(box.pending().map((i) => i.key)).to.deep.equal(['later']);
    const expired = events.filter((e) => e.type === 'expired');
    expect(expired.map((e) => [e.item.key, e.owner])).to.deep.equal([['late', owner]]);
    const attemptsAfter = sender.calls.filter((c) => c.key === 'late' && c.at > clock.now - 2_000);
    expect(attemptsAfter, 'no attempt once it expired').to.deep.equal([]);
  });

  it('removes a submission the first attempt gets an answer for, 4xx included', async () => {
    const clock = new FakeTime();
    const store = new MemoryStore();
    const sender = scriptedSender();
    sender.script.push({ kind: 'answered', answer: { status: 422 } });
    const box = new Outbox<Answer, Body>({ send: sender.send(clock), storage: store, now: () => clock.now, timers: clock.timersApi });
    const outcome = await box.submit({ key: 'k', endpoint: 'e', body: { n: 1 } }, { persist: true });
    expect(outcome).to.deep.equal({ kind: 'answered', answer: { status: 422 } });
    expect(store.map.size).to.equal(0);
    expect(clock.nextTimer).to.equal(undefined);
  });

  it('tries again at once when the browser comes back online (a forced flush)', async () => {
    const clock = new FakeTime();
    const sender = scriptedSender();
    const box = new Outbox<Answer, Body>({ send: sender.send(clock), storage: new MemoryStore(), now: () => clock.now, timers: clock.timersApi, random: () => 1 });
    await box.submit({ key: 'k', endpoint: 'e', body: { n: 1 } }, { persist: true });
    await clock.advance(1000);
    sender.script.push(ok);
    await box.flush({ force: true }); // what the `online` listener does
    expect(sender.calls).to.have.length(2);
    expect(box.pending()).to.deep.equal([]);
  });

  it('waits as long as a 429 asks, even when forced', async () => {
    const clock = new FakeTime();
    const sender = scriptedSender();
    sender.script.push({ kind: 'retry', reason: 'busy', status: 429, retryAfterMs: 30_000 });
    const box = new Outbox<Answer, Body>({ send: sender.send(clock), storage: new MemoryStore(), now: () => clock.now, timers: clock.timersApi, random: () => 1 });
    await box.submit({ key: 'k', endpoint: 'e', body: { n: 1 } }, { persist: true });
    expect(clock.nextTimer).to.equal(30_000);
    await box.flush({ force: true });
    expect(sender.calls).to.have.length(1);
    sender.script.push(ok);
    await clock.advance(30_000);
    expect(sender.calls).to.have.length(2);
    expect(box.pending()).to.deep.equal([]);
  });

  it('sends what an earlier page left, once the page loads, and keeps the same key', async () => {
    const clock = new FakeTime();
    const store = new MemoryStore();
    const sender = scriptedSender();
    const first = new Outbox<Answer, Body>({ send: sender.send(clock), storage: store, now: () => clock.now, timers: clock.timersApi });
    await first.submit({ key: 'left-behind', endpoint: 'e', body: { n: 7 } }, { persist: true });
    first.dispose(); // the tab closes

    const second = new Outbox<Answer, Body>({ send: sender.send(clock), storage: store, now: () => clock.now, timers: clock.timersApi });
    sender.script.push(ok);
    await second.flush({ force: true });
    expect(sender.calls.map((c) => c.key)).to.deep.equal(['left-behind', 'left-behind']);
    expect(store.map.size).to.equal(0);
  });

  it('leaves a submission another page is still sending alone until its attempt could have timed out', async () => {
    const clock = new FakeTime();
    const store = new MemoryStore();
    const sender = scriptedSender();
    // Another page wrote it a moment ago and is waiting for the server.
    store.setItem('civic-widgets:rsvp:v1:fresh', JSON.stringify({
      key: 'fresh', endpoint: 'e', body: { n: 1 }, attempts: 0, savedAt: clock.now, nextAttemptAt: clock.now + 20_000, notBefore: clock.now + 20_000,
    }));
    const box = new Outbox<Answer, Body>({ send: sender.send(clock), storage: store, now: () => clock.now, timers: clock.timersApi });
    await box.flush({ force: true });
    expect(sender.calls).to.have.length(0);
    box.schedule();
    sender.script.push(ok);
    await clock.advance(20_000);
    expect(sender.calls).to.have.length(1);
  });

  it('keeps submissions in memory only with persist: false, and loses them with the page', async () => {
    const clock = new FakeTime();
    const store = new MemoryStore();
    const sender = scriptedSender();
    const box = new Outbox<Answer, Body>({ send: sender.send(clock), storage: store, now: () => clock.now, timers: clock.timersApi });
    const outcome = await box.submit({ key: 'k', endpoint: 'e', body: { n: 1 } }, { persist: false });
    expect(outcome).to.deep.include({ kind: 'queued', persisted: false });
    expect(store.map.size).to.equal(0);
    expect(box.pending().map((i) => i.key)).to.deep.equal(['k']);
    box.dispose();
    expect(box.pending()).to.deep.equal([]);
  });

  it('falls back to memory when storage refuses the write', async () => {
    const clock = new FakeTime();
    const full = new MemoryStore();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const sender = scriptedSender();
    const box = new Outbox<Answer, Body>({ send: sender.send(clock), storage: full, now: () => clock.now, timers: clock.timersApi });
    const outcome = await box.submit({ key: 'k', endpoint: 'e', body: { n: 1 } }, { persist: true });
    expect(outcome).to.deep.include({ kind: 'queued', persisted: false });
    sender.script.push(ok);
    await box.flush({ force: true });
    expect(box.pending()).to.deep.equal([]);
  });

  it('lets one page at a time flush shared storage (storage lease)', async () => {
    const clock = new FakeTime();
    const store = new MemoryStore();
    for (const key of ['a', 'b']) {
      store.setItem(`civic-widgets:rsvp:v1:${key}`, JSON.stringify({ key, endpoint: 'e', body: { n: 1 }, attempts: 1, savedAt: clock.now, nextAttemptAt: clock.now }));
    }
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    const slow = async (item: OutboxItem<Body>): Promise<Delivery<Answer>> => {
      sent.push(`A:${item.key}`);
      await gate;
      return ok;
    };
    const fast = async (item: OutboxItem<Body>): Promise<Delivery<Answer>> => {
      sent.push(`B:${item.key}`);
      return ok;
    };
    const tabA = new Outbox<Answer, Body>({ send: slow, storage: store, now: () => clock.now, timers: clock.timersApi, pageId: 'A' });
    const tabB = new Outbox<Answer, Body>({ send: fast, storage: store, now: () => clock.now, timers: clock.timersApi, pageId: 'B' });
    const flushA = tabA.flush({ force: true });
    await flushPromises();
    await tabB.flush({ force: true }); // A holds the lease: B sends nothing
    expect(sent).to.deep.equal(['A:a']);
    release();
    await flushA;
    expect(sent).to.deep.equal(['A:a', 'A:b']);
    expect(store.map.size).to.equal(0);
  });

  it('takes over a lease its holder stopped renewing', async () => {
    const clock = new FakeTime();
    const store = new MemoryStore();
    store.setItem('civic-widgets:rsvp:v1:lease', JSON.stringify({ owner: 'crashed-tab', until: clock.now + 30_000 }));
    store.setItem('civic-widgets:rsvp:v1:a', JSON.stringify({ key: 'a', endpoint: 'e', body: { n: 1 }, attempts: 1, savedAt: clock.now, nextAttemptAt: clock.now }));
    const sender = scriptedSender();
    sender.script.push(ok);
    const box = new Outbox<Answer, Body>({ send: sender.send(clock), storage: store, now: () => clock.now, timers: clock.timersApi, pageId: 'me' });
    await box.flush({ force: true });
    expect(sender.calls).to.have.length(0);
    await clock.advance(31_000); // the busy lease is looked at again; by now it has expired
    expect(sender.calls).to.have.length(1);
    expect(store.map.size).to.equal(0);
  });

  it('lets one page at a time flush with Web Locks, where the browser has them', async () => {
    if (!navigator.locks) return;
    const store = new MemoryStore();
    const now = Date.now();
    // A prefix of its own, so the lock is not one the page's real outbox could hold.
    const prefix = `civic-widgets:test-${Math.random().toString(36).slice(2)}:`;
    store.setItem(`${prefix}a`, JSON.stringify({ key: 'a', endpoint: 'e', body: { n: 1 }, attempts: 1, savedAt: now, nextAttemptAt: now }));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    const locks = navigator.locks as unknown as import('../../../src/rsvp-form/outbox/outbox.js').LockManagerLike;
    const tabA = new Outbox<Answer, Body>({ prefix, locks, storage: store, send: async (i) => { sent.push(`A:${i.key}`); await gate; return ok; } });
    const tabB = new Outbox<Answer, Body>({ prefix, locks, storage: store, send: async (i) => { sent.push(`B:${i.key}`); return ok; } });
    const flushA = tabA.flush({ force: true });
    await new Promise((r) => setTimeout(r, 20));
    await tabB.flush({ force: true });
    expect(sent).to.deep.equal(['A:a']);
    release();
    await flushA;
    tabA.dispose();
    tabB.dispose();
  });

  it('tells the submitter first, and whether it is still listening', async () => {
    const clock = new FakeTime();
    const sender = scriptedSender();
    sender.script.push(ok);
    const box = new Outbox<Answer, Body>({ send: sender.send(clock), storage: new MemoryStore(), now: () => clock.now, timers: clock.timersApi });
    const order: string[] = [];
    const owner = {};
    box.subscribe((e) => order.push(`other:${e.type}`));
    box.subscribe((e) => order.push(`owner:${e.type}:${e.type === 'answered' && e.ownerListening}`), owner);
    await box.submit({ key: 'k', endpoint: 'e', body: { n: 1 } }, { persist: true, owner });
    expect(order).to.deep.equal(['owner:answered:true', 'other:answered']);
  });

  it('tells the page that submitted an item when another page delivered it', async () => {
    // Two pages' BroadcastChannels, joined.
    const listeners: ((e: { data: unknown }) => void)[][] = [[], []];
    const channel = (me: 0 | 1) => ({
      postMessage: (data: unknown) => listeners[1 - me]!.forEach((l) => l({ data })),
      addEventListener: (_type: 'message', l: (e: { data: unknown }) => void) => listeners[me]!.push(l),
      close: () => {},
    });
    const clock = new FakeTime();
    const store = new MemoryStore();
    const down = scriptedSender();
    const tabA = new Outbox<Answer, Body>({ send: down.send(clock), storage: store, now: () => clock.now, timers: clock.timersApi, channel: channel(0), pageId: 'A' });
    const heard: string[] = [];
    const owner = {};
    tabA.subscribe((e) => heard.push(e.type), owner);
    await tabA.submit({ key: 'k', endpoint: 'e', body: { n: 1 } }, { persist: true, owner });
    expect(heard).to.deep.equal(['queued']);

    const up = scriptedSender();
    up.script.push(ok);
    const tabB = new Outbox<Answer, Body>({ send: up.send(clock), storage: store, now: () => clock.now, timers: clock.timersApi, channel: channel(1), pageId: 'B' });
    const heardInB: string[] = [];
    tabB.subscribe((e) => heardInB.push(e.type));
    await tabB.flush({ force: true });
    expect(up.calls).to.have.length(1);
    expect(heard).to.deep.equal(['queued', 'answered']);
    expect(heardInB).to.deep.equal(['answered']);
    expect(store.map.size).to.equal(0);
  });

  it('drops stored entries it cannot read', async () => {
    const store = new MemoryStore();
    store.setItem('civic-widgets:rsvp:v1:junk', '{not json');
    store.setItem('unrelated', 'kept');
    const box = new Outbox<Answer, Body>({ send: async () => ok, storage: store });
    expect(box.pending()).to.deep.equal([]);
    expect([...store.map.keys()]).to.deep.equal(['unrelated']);
  });
});
