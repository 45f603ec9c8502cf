// @ts-check
/**
 * The staff token's strength. The export itself is a staff route (rsvp-staff.mjs); who is staff
 * is staff-auth.mjs's to say.
 */
export { hasBearerToken, sameSecret } from './staff-auth.mjs';

/** 32 random bytes, as base64url without padding: `randomBytes(32).toString('base64url')`. */
export const MIN_TOKEN_LENGTH = 43;

/**
 * Why an export token is too weak to guard patrons' names and emails, or undefined when it will
 * do. It must be as long as 32 random bytes written in base64url (hex is longer still), and look
 * random: a long token of few distinct characters or a repeated pattern is a password, not a key.
 * @param {string} token
 * @returns {string | undefined}
 */
export function weakTokenReason(token) {
  const advice = 'make one with `openssl rand -base64 32` or `node -e "console.log(crypto.randomBytes(32).toString(\'base64url\'))"`';
  if (token.length < MIN_TOKEN_LENGTH) {
    return `the export token has ${token.length} characters; it needs at least ${MIN_TOKEN_LENGTH} (32 random bytes): ${advice}`;
  }
  if (!/^[\x21-\x7e]+$/.test(token)) return `the export token must be printable ASCII without spaces: ${advice}`;
  // Shannon entropy of the characters as they occur: about 5.2 bits each for random base64,
  // 3.9 for random hex; "aaaa…" has 0, and a word repeated has that of its few letters.
  const counts = new Map();
  for (const c of token) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / token.length) * Math.log2(n / token.length);
  const repeated = /^(.+?)\1+$/.test(token);
  if (bits < 3.4 || bits * token.length < 160 || repeated) {
    return `the export token does not look random (a repeated pattern or few distinct characters): ${advice}`;
  }
  return undefined;
}

