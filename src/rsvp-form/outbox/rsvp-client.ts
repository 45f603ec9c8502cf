/**
 * One registration on the wire (feed-format.md "Submission"): the POST, and what its answer means.
 * Whether to try again is decided here; when to try again is the outbox's job (outbox.ts).
 */
import { safeUrl, WEB_SCHEMES } from '../../feed/text.js';
import type { Delivery } from './outbox.js';

/** Answers to an event's questions: text, or the chosen options of a `checkboxes` question. */
export type RsvpAnswers = Record<string, string | string[]>;

/** The body the form sends. */
export interface RsvpBody {
  eventId: string;
  /** The chosen occurrence's start, for recurring events. */
  occurrence?: string;
  name: string;
  email: string;
  answers: RsvpAnswers;
  /** Access needs and accommodations, in the visitor's words (may be empty). */
  accommodations: string;
  /** The same value as the `Idempotency-Key` header, stable across retries. */
  idempotencyKey: string;
  /** The form's language (BCP 47 primary subtag, `es`), for what the server writes to the visitor. */
  language?: string;
}

/** A registration the server took, or had already taken for the same email (`alreadyRegistered`). */
export interface RsvpRegistered {
  kind: 'registered';
  status: 'confirmed' | 'waitlisted';
  position?: number;
  message?: string;
  httpStatus: number;
  alreadyRegistered?: true;
  /** The page where the visitor cancels (absolute: a path is resolved against the endpoint). */
  cancelUrl?: string;
}

/**
 * What a server's answer means for the visitor. Every one of these ends retrying. None holds the
 * visitor's name, email or answers, so an answer may be kept to show later (kept-outcomes.ts).
 */
export type RsvpAnswer =
  | RsvpRegistered
  | { kind: 'full'; message?: string; httpStatus: 409 }
  | { kind: 'invalid'; errors: Record<string, string>; httpStatus: 422 }
  | { kind: 'refused'; message?: string; httpStatus: number };

/** How long one attempt may take before it counts as "no answer". */
export const RSVP_TIMEOUT_MS = 15_000;
/** The longest a 429's Retry-After is honoured for; beyond it the usual backoff applies. */
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

export interface PostOptions {
  timeoutMs?: number;
  /** For tests: a fetch to use instead of the page's. */
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * Posts a registration once. A 2xx or 4xx answer is final (`answered`); a network error, a timeout,
 * a 5xx or a 429 means "try again later" (`retry`), with the wait a 429 asked for.
 */
export async function postRsvp(endpoint: string, body: RsvpBody, options: PostOptions = {}): Promise<Delivery<RsvpAnswer>> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.idempotencyKey },
      body: JSON.stringify(body),
      // Name and email go to the endpoint and nowhere else: no cookies, no referrer, no cache.
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? RSVP_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { kind: 'retry', reason: timedOut ? 'timeout' : 'network' };
  }
  const status = response.status;
  if (status === 429) {
    const wait = parseRetryAfter(response.headers.get('Retry-After'), (options.now ?? Date.now)());
    return wait === undefined ? { kind: 'retry', reason: 'busy', status } : { kind: 'retry', reason: 'busy', status, retryAfterMs: wait };
  }
  if (status < 200 || status >= 500 || (status >= 300 && status < 400)) {
    return { kind: 'retry', reason: 'server', status };
  }
  const json = await readJson(response);
  return { kind: 'answered', answer: interpret(status, json, endpoint) };
}

/** The meaning of a final (2xx or 4xx) answer from `endpoint` (against which a relative cancel link is read). */
export function interpret(status: number, json: Record<string, unknown> | undefined, endpoint?: string): RsvpAnswer {
  const message = typeof json?.message === 'string' ? json.message : typeof json?.error === 'string' ? json.error : undefined;
  if (status >= 200 && status < 300) {
    const waitlisted = json?.status === 'waitlisted';
    const answer: RsvpRegistered = { kind: 'registered', status: waitlisted ? 'waitlisted' : 'confirmed', httpStatus: status };
    const position = json?.position;
    if (waitlisted && typeof position === 'number' && Number.isInteger(position) && position > 0) answer.position = position;
    if (message) answer.message = message;
    if (json?.alreadyRegistered === true) answer.alreadyRegistered = true;
    const cancelUrl = safeUrl(json?.cancelUrl, endpoint, WEB_SCHEMES);
    if (cancelUrl) answer.cancelUrl = cancelUrl;
    return answer;
  }
  if (status === 409) return message ? { kind: 'full', message, httpStatus: 409 } : { kind: 'full', httpStatus: 409 };
  if (status === 422 && isRecord(json?.errors)) {
    const errors: Record<string, string> = {};
    for (const [field, text] of Object.entries(json.errors)) {
      if (typeof text === 'string' && text) errors[field] = text;
    }
    if (Object.keys(errors).length) return { kind: 'invalid', errors, httpStatus: 422 };
  }
  return message ? { kind: 'refused', message, httpStatus: status } : { kind: 'refused', httpStatus: status };
}

/** A Retry-After header (seconds, or an HTTP date) as milliseconds from `now`, capped at an hour. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

async function readJson(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = await response.json();
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
