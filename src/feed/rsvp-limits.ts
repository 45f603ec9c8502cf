/**
 * The longest values a registration may hold (feed-format.md "Submission"): the form sets them as
 * `maxlength`, and the reference server refuses anything longer, so the two cannot disagree.
 */
export const RSVP_LIMITS = Object.freeze({
  eventId: 200,
  occurrence: 64,
  name: 200,
  email: 254,
  accommodations: 2000,
  answerCount: 50,
  answerId: 100,
  answerText: 2000,
  answerChoices: 50,
  answerChoice: 500,
  idempotencyKey: 200,
  /** A BCP 47 tag, as sent; the server keeps only its language subtag. */
  language: 35,
});

/** A plausible email, not RFC 5322: one @, no spaces, a dotted domain. The confirmation email is the test. */
export const RSVP_EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
