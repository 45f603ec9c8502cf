// @ts-check
/**
 * Idempotency keys (feed-format.md "Submission"): the form retries a registration with the same
 * key until a server answers, so the key, not the request, names the registration.
 */
import { createHash } from 'node:crypto';
import { LIMITS } from './rsvp-validate.mjs';

// Printable ASCII: UUIDs, ULIDs and the like; nothing that could split a header or a log line.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;

/**
 * The registration's idempotency key: the header's and the body's must agree when both are sent.
 * @param {string | undefined} fromHeader
 * @param {unknown} fromBody
 * @returns {{ value: string } | { error: string }}
 */
export function idempotencyKey(fromHeader, fromBody) {
  if (fromBody !== undefined && fromBody !== null && typeof fromBody !== 'string') {
    return { error: 'idempotencyKey must be a string.' };
  }
  const bodyKey = fromBody?.trim() || undefined;
  const headerKey = fromHeader?.trim() || undefined;
  if (headerKey && bodyKey && headerKey !== bodyKey) {
    return { error: 'The Idempotency-Key header and the body\'s idempotencyKey differ.' };
  }
  const value = headerKey ?? bodyKey;
  if (!value) return { error: 'Send an Idempotency-Key header (or idempotencyKey in the body) so retries are safe.' };
  if (value.length > LIMITS.idempotencyKey || !IDEMPOTENCY_KEY.test(value)) {
    return { error: `The idempotency key must be up to ${LIMITS.idempotencyKey} printable ASCII characters.` };
  }
  return { value };
}

/**
 * What makes two submissions "the same registration": every field, as submitted (trimmed).
 * @param {import('./rsvp-validate.mjs').Submission} submission
 */
export function hashSubmission(submission) {
  const answers = Object.keys(submission.answers).sort().map((id) => [id, submission.answers[id]]);
  const canonical = JSON.stringify([
    submission.eventId, submission.occurrence ?? '', submission.name, submission.email, answers, submission.accommodations,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
