// @ts-check
/**
 * The shape of a registration (feed-format.md "Submission"), checked field by field so the form
 * can put each message next to its input. What depends on the event (is it known, recurring,
 * open) is rsvp-events.mjs's job.
 */
// The limits and the email rule are the form's too (src/feed/rsvp-limits.ts): one module, no drift.
import { LANGUAGES, RSVP_EMAIL as EMAIL, RSVP_LIMITS as LIMITS } from '../lib/feed.js';

export { LIMITS };

/**
 * The languages we have words in (src/feed/languages.ts): a submission's `language` is kept only
 * when it is one of them, since it serves to write to the patron in it.
 */
export const PATRON_LANGUAGES = LANGUAGES;

/**
 * A registration as checked; strings are trimmed.
 * @typedef {object} Submission
 * @property {string} eventId
 * @property {string | undefined} occurrence
 * @property {string} name
 * @property {string} email
 * @property {Record<string, string | string[]>} answers
 * @property {string} accommodations
 * @property {string | undefined} language one of PATRON_LANGUAGES: the language subtag of the tag sent
 */

// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and friends) can make a name or answer
// read differently in the export than it was typed ("Trojan Source"); text keeps its meaning without them.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// What shows nothing: default-ignorable code points (zero-width spaces and joiners, Hangul fillers,
// variation selectors…), other format characters, and white space.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\s]/gu;

/**
 * A submitted string as it is stored: bidi controls removed, trimmed; undefined when it holds a
 * lone surrogate, which no UTF-8 file or spreadsheet can hold.
 * @param {string} value
 */
export function cleanText(value) {
  if (!value.isWellFormed()) return undefined;
  return value.replace(BIDI_CONTROLS, '').trim();
}

/**
 * Whether text shows anything once invisible characters are removed.
 * @param {string} text
 */
function isVisible(text) {
  return text.replace(INVISIBLE, '') !== '';
}

const UNSTORABLE = 'This text contains characters that cannot be stored.';

/**
 * Checks a parsed body. `errors` maps field names (`name`, `email`, `answers.<question id>`…) to
 * messages a person can act on.
 * @param {Record<string, unknown>} body
 * @returns {{ value: Submission, errors?: undefined } | { value?: undefined, errors: Record<string, string> }}
 */
export function validateSubmission(body) {
  /** @type {Record<string, string>} */
  const errors = {};

  const eventId = typeof body.eventId === 'string' ? cleanText(body.eventId) ?? '' : '';
  if (!eventId) errors.eventId = 'Which event is this registration for? eventId is required.';
  else if (eventId.length > LIMITS.eventId || ANY_CONTROL.test(eventId)) errors.eventId = 'This is not an event id.';

  /** @type {string | undefined} */
  let occurrence;
  if (typeof body.occurrence === 'string') occurrence = cleanText(body.occurrence) || undefined;
  else if (body.occurrence !== undefined && body.occurrence !== null) errors.occurrence = 'The date must be text.';
  if (occurrence && occurrence.length > LIMITS.occurrence) errors.occurrence = 'The date is not in a form the server understands.';

  const rawName = typeof body.name === 'string' ? cleanText(body.name) : '';
  const name = rawName ?? '';
  if (rawName === undefined) errors.name = UNSTORABLE;
  else if (!isVisible(name)) errors.name = 'Please enter your name.';
  else if (name.length > LIMITS.name) errors.name = `Please shorten your name to ${LIMITS.name} characters.`;
  else if (ANY_CONTROL.test(name)) errors.name = 'Please write your name on one line.';

  const email = typeof body.email === 'string' ? cleanText(body.email) ?? '' : '';
  if (!email) errors.email = 'Please enter your email address.';
  else if (email.length > LIMITS.email || !EMAIL.test(email)) errors.email = 'Please enter an email address like name@example.org.';

  const answers = checkAnswers(body.answers, errors);

  let accommodations = '';
  if (typeof body.accommodations === 'string') {
    const cleaned = cleanText(body.accommodations);
    if (cleaned === undefined) errors.accommodations = UNSTORABLE;
    else accommodations = cleaned;
  } else if (body.accommodations !== undefined && body.accommodations !== null) errors.accommodations = 'Access needs must be text.';
  if (accommodations.length > LIMITS.accommodations) {
    errors.accommodations = `Please shorten this to ${LIMITS.accommodations} characters; we can talk about the rest.`;
  } else if (CONTROL_BUT_LINES.test(accommodations)) {
    errors.accommodations = UNSTORABLE;
  }

  const language = languageOf(body.language, errors);

  if (Object.keys(errors).length > 0) return { errors };
  return { value: { eventId, occurrence, name, email, answers, accommodations, language } };
}

/**
 * The patron's language from a BCP 47 tag (`es`, `es-MX`, `zh-Hant`): its language subtag when
 * the widgets speak it, else none (the server's default language serves). A value that is not
 * a tag at all is an error.
 * @param {unknown} value
 * @param {Record<string, string>} errors
 */
function languageOf(value, errors) {
  if (value === undefined || value === null || value === '') return undefined;
  /** @type {string | undefined} */
  let tag;
  try {
    tag = typeof value === 'string' && value.length <= LIMITS.language ? Intl.getCanonicalLocales(value)[0] : undefined;
  } catch {
    tag = undefined;
  }
  if (!tag) {
    errors.language = 'This is not a language tag (BCP 47, such as "en" or "es-MX").';
    return undefined;
  }
  const primary = tag.split('-')[0] ?? '';
  return /** @type {readonly string[]} */ (PATRON_LANGUAGES).includes(primary) ? primary : undefined;
}

/**
 * Answers to the event's questions: an object of strings (or lists of strings for checkboxes),
 * bounded so that one registration cannot fill the disk.
 * @param {unknown} raw
 * @param {Record<string, string>} errors
 * @returns {Record<string, string | string[]>}
 */
function checkAnswers(raw, errors) {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.answers = 'Answers must be an object of question ids to answers.';
    return {};
  }
  const entries = Object.entries(raw);
  if (entries.length > LIMITS.answerCount) {
    errors.answers = `At most ${LIMITS.answerCount} answers are accepted.`;
    return {};
  }
  /** @type {[string, string | string[]][]} */
  const kept = [];
  for (const [id, value] of entries) {
    if (id.length === 0 || id.length > LIMITS.answerId || ANY_CONTROL.test(id) || !id.isWellFormed()) {
      errors.answers = 'An answer names a question id the server cannot store.';
      continue;
    }
    const field = `answers.${id}`;
    if (typeof value === 'string') {
      const text = cleanText(value);
      if (value.length > LIMITS.answerText) errors[field] = `Please shorten this answer to ${LIMITS.answerText} characters.`;
      else if (text === undefined || CONTROL_BUT_LINES.test(text)) errors[field] = 'This answer contains characters that cannot be stored.';
      else kept.push([id, text]);
    } else if (Array.isArray(value)) {
      const items = value.map((item) => (typeof item === 'string' ? cleanText(item) : undefined));
      const fits = value.length <= LIMITS.answerChoices
        && items.every((item) => item !== undefined && item.length <= LIMITS.answerChoice && !ANY_CONTROL.test(item));
      if (fits) kept.push([id, /** @type {string[]} */ (items)]);
      else errors[field] = `Choose at most ${LIMITS.answerChoices} options, each of them text.`;
    } else {
      errors[field] = 'An answer must be text or a list of choices.';
    }
  }
  // fromEntries defines own properties, so a question id "__proto__" stays a plain key.
  return Object.fromEntries(kept);
}

/**
 * Checks answers against the event's questions, as the form does before sending: a required
 * question is answered (a required single checkbox is ticked), a choice is one of the options, an
 * email or number answer is one. An answer to a question the event does not ask is refused: it
 * would be patron data nobody asked for, and its id would become a column of the export.
 * @param {import('./rsvp-events.mjs').Question[]} questions
 * @param {Record<string, string | string[]>} answers
 * @returns {Record<string, string> | undefined} messages by `answers.<question id>`
 */
export function answerErrors(questions, answers) {
  /** @type {Record<string, string>} */
  const errors = {};
  const asked = new Set(questions.map((question) => question.id));
  for (const id of Object.keys(answers)) {
    if (!asked.has(id)) errors[`answers.${id}`] = 'This event does not ask this question; please reload the form.';
  }
  for (const question of questions) {
    const field = `answers.${question.id}`;
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const chosen = Array.isArray(answer) ? answer : answer ? [answer] : [];
    if (question.type === 'checkbox') {
      if (question.required && answer !== 'yes') errors[field] = 'Please tick this box to register.';
      else if (answer !== undefined && answer !== 'yes' && answer !== 'no') errors[field] = 'Answer yes or no.';
      continue;
    }
    if (chosen.length === 0) {
      if (question.required) errors[field] = 'Please answer this question.';
      continue;
    }
    if (question.type !== 'checkboxes' && chosen.length > 1) {
      errors[field] = 'Give one answer to this question.';
    } else if (question.options && !chosen.every((value) => question.options?.includes(value))) {
      errors[field] = 'Please choose from the options given.';
    } else if (question.type === 'email' && !EMAIL.test(chosen[0] ?? '')) {
      errors[field] = 'Please enter an email address like name@example.org.';
    } else if (question.type === 'number' && !Number.isFinite(Number(chosen[0]))) {
      errors[field] = 'Please enter a number.';
    }
  }
  return Object.keys(errors).length ? errors : undefined;
}
