// @ts-check
/**
 * Who sent a request, for the rate limit: the socket's peer, or, behind reverse proxies the
 * server was told to trust, the first untrusted address of the forwarding header counted from
 * the right. Each proxy appends the address it received the request from, so the entries to the
 * right of the first untrusted one were written by proxies we trust, and the ones to its left
 * may be anything the client chose to send.
 */
import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the server are trusted to say who the client is:
 * - `false` (the default): none; forwarding headers are ignored.
 * - a number n ≥ 1: the n hops nearest the server are proxies, whatever their address (one
 *   nginx or Caddy on the same machine is `1`).
 * - an address, a CIDR range, or one of `loopback`, `linklocal`, `uniquelocal` (private
 *   networks: 10/8, 172.16/12, 192.168/16, fc00::/7), or a list of these: every hop from such an
 *   address is a proxy. As Express's `trust proxy` reads the same values.
 * @typedef {false | number | string | string[]} TrustProxy
 */

/**
 * The forwarding header the proxies write: `x-forwarded-for` (nginx's
 * `$proxy_add_x_forwarded_for`, Caddy, HAProxy) or `forwarded` (RFC 7239). Only one is read: a
 * client could send the other with any address in it.
 * @typedef {'x-forwarded-for' | 'forwarded'} ForwardedHeader
 */

const PRESETS = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Reads a trust-proxy setting once, at start, and returns the function that names a request's
 * client. Throws a TypeError naming what is wrong with the setting.
 * @param {TrustProxy | undefined} trustProxy
 * @param {ForwardedHeader} [forwardedHeader] default `x-forwarded-for`
 * @returns {(request: import('node:http').IncomingMessage) => string}
 */
export function clientAddressOf(trustProxy, forwardedHeader = 'x-forwarded-for') {
  const peer = (/** @type {import('node:http').IncomingMessage} */ request) =>
    normalize(request.socket.remoteAddress ?? '') || 'unknown';
  if (trustProxy === undefined || trustProxy === false) return peer;
  // Express reads `true` as "trust every hop", which lets any client pick its address.
  if (/** @type {unknown} */ (trustProxy) === true) {
    throw new TypeError('trustProxy: true would believe any client; name the proxies (1 for one proxy, "loopback", addresses or CIDR ranges)');
  }
  if (forwardedHeader !== 'x-forwarded-for' && forwardedHeader !== 'forwarded') {
    throw new TypeError(`forwardedHeader must be "x-forwarded-for" or "forwarded", not "${forwardedHeader}"`);
  }
  const trusted = trustRule(trustProxy);
  return (request) => {
    const raw = request.headers[forwardedHeader];
    const listed = typeof raw === 'string' ? (forwardedHeader === 'forwarded' ? forwardedFor(raw) : raw.split(',')) : [];
    // Nearest hop first: the socket's peer, then the header's entries from the right.
    const hops = [peer(request), ...listed.map((entry) => normalize(entry.trim())).reverse()];
    for (let i = 0; i < hops.length; i++) {
      const hop = hops[i];
      // An entry that is no address (`unknown`, an obfuscated name, garbage) ends the chain:
      // nothing to its left can be believed, and it is the best name for the client we have.
      if (!isIP(hop) || !trusted(hop, i)) return hop || 'unknown';
    }
    // Every hop is a trusted proxy: the furthest one is the client.
    return hops[hops.length - 1];
  };
}

/**
 * @param {TrustProxy} setting
 * @returns {(address: string, hop: number) => boolean}
 */
function trustRule(setting) {
  if (typeof setting === 'number') {
    if (!Number.isInteger(setting) || setting < 1) {
      throw new TypeError(`trustProxy: a number of proxies must be a whole number from 1, not ${setting}`);
    }
    return (_address, hop) => hop < setting;
  }
  const entries = (Array.isArray(setting) ? setting : String(setting).split(','))
    .map((entry) => String(entry).trim())
    .filter(Boolean);
  if (entries.length === 0) {
    throw new TypeError('trustProxy: name the proxies (a number of hops, "loopback", addresses or CIDR ranges)');
  }
  const list = new BlockList();
  for (const entry of entries.flatMap((e) => PRESETS[/** @type {keyof typeof PRESETS} */ (e)] ?? [e])) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || extra !== undefined || !/^\d+$/.test(String(bits ?? prefix)) || prefix > (family === 6 ? 128 : 32)) {
      throw new TypeError(`trustProxy: "${entry}" is not an address, a CIDR range, "loopback", "linklocal" or "uniquelocal"`);
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return (address) => list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The `for=` addresses of a Forwarded header (RFC 7239), in order; one element per hop, with
 * quotes, brackets and ports removed by `normalize`.
 * @param {string} value
 */
function forwardedFor(value) {
  return value.split(',').map((element) => {
    for (const pair of element.split(';')) {
      const at = pair.indexOf('=');
      if (at > 0 && pair.slice(0, at).trim().toLowerCase() === 'for') return pair.slice(at + 1).trim();
    }
    // A hop that did not say who it heard from.
    return '';
  });
}

/**
 * One spelling per address: no quotes, brackets or port, IPv4-mapped IPv6 as IPv4.
 * @param {string} text
 */
function normalize(text) {
  let address = text.replace(/^"|"$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1] : address).toLowerCase();
}
