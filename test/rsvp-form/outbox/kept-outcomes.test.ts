import { expect } from 'chai';
import { forgetOutcome, keepOutcome, keptOutcomes, OUTCOME_PREFIX } from '../../../src/rsvp-form/outbox/kept-outcomes.js';
import type { KeyValueStore, OutboxItem } from '../../../src/rsvp-form/outbox/outbox.js';
import type { RsvpBody } from '../../../src/rsvp-form/outbox/rsvp-client.js';

/** A Storage with nothing else in it. */
function memoryStorage(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const item = (key: string, expiresAt?: number): OutboxItem<RsvpBody> => ({
  key,
  endpoint: 'https://library.example/api/rsvp',
  body: {
    eventId: 'workshop', occurrence: '2030-03-11T18:00:00-04:00', name: 'Ada Lovelace', email: 'ada@example.org',
    answers: { org: 'Tenants Union' }, accommodations: 'Captions', idempotencyKey: key, language: 'en',
  },
  attempts: 2,
  savedAt: 1000,
  nextAttemptAt: 5000,
  ...(expiresAt === undefined ? {} : { expiresAt }),
});

describe('kept outcomes', () => {
  it('keep the answer, the event and the date, and nothing the visitor typed', () => {
    const storage = memoryStorage();
    const answer = { kind: 'registered', status: 'confirmed', httpStatus: 201, cancelUrl: 'https://library.example/api/rsvp/cancel?token=t' } as const;
    expect(keepOutcome(storage, item('k1', 9000), answer, 2000)).to.equal(true);
    const [stored] = [...storage.map.entries()];
    expect(stored![0]).to.equal(`${OUTCOME_PREFIX}k1`);
    expect(stored![1]).not.to.match(/Ada|example\.org|Tenants|Captions/);
    expect(keptOutcomes(storage, 3000)).to.deep.equal([
      { key: 'k1', eventId: 'workshop', occurrence: '2030-03-11T18:00:00-04:00', answer, answeredAt: 2000, expiresAt: 9000 },
    ]);
  });

  it('are deleted once the event is over, when dismissed, and when damaged', () => {
    const storage = memoryStorage();
    keepOutcome(storage, item('old', 5000), { kind: 'full', httpStatus: 409 }, 1000);
    keepOutcome(storage, item('new', 50_000), { kind: 'full', httpStatus: 409 }, 1000);
    keepOutcome(storage, item('gone', 50_000), { kind: 'full', httpStatus: 409 }, 1000);
    storage.setItem(`${OUTCOME_PREFIX}broken`, '{"key":"broken"');
    storage.setItem('someone-else', 'kept');
    forgetOutcome(storage, 'gone');
    expect(keptOutcomes(storage, 6000).map((k) => k.key)).to.deep.equal(['new']);
    expect([...storage.map.keys()].sort()).to.deep.equal([`${OUTCOME_PREFIX}new`, 'someone-else']);
  });

  it('last 30 days when the event’s end is not known, and survive a storage that refuses', () => {
    const storage = memoryStorage();
    keepOutcome(storage, item('open'), { kind: 'refused', httpStatus: 403 }, 0);
    expect(keptOutcomes(storage, 30 * 86_400_000 - 1)).to.have.length(1);
    expect(keptOutcomes(storage, 30 * 86_400_000)).to.deep.equal([]);
    const refusing = { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(keepOutcome(refusing, item('k'), { kind: 'full', httpStatus: 409 })).to.equal(false);
    expect(keptOutcomes(null)).to.deep.equal([]);
  });
});
