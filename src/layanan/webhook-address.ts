/**
 * Where a webhook may point: the OPD's system on the internet, never the platform's own network.
 * An OPD admin who could aim the server's POSTs at loopback, the private ranges or a cloud metadata
 * address (169.254.169.254, fd00:ec2::254) would reach what only the server can reach (SSRF). The
 * address is checked when the webhook is set (the URL's host, and what its name resolves to then)
 * and again on every delivery at the address actually connected to, so a name that resolves to a
 * public address when set and to a private one later (DNS rebinding) still gets nothing. Tests and
 * an all-internal deployment may allow private addresses (`LAYANAN_WEBHOOK_ALLOW_PRIVATE`).
 */
import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import { invalid } from '../core/errors.js';

/** Loopback, private, shared (CGNAT), link-local (the metadata address), multicast and reserved ranges. IPv4-mapped IPv6 addresses are checked as IPv4. */
const BLOCKED = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  // Unspecified, loopback and the old IPv4-compatible form.
  ['::', 96],
  // NAT64: an IPv4 address behind the gateway, private ones included.
  ['64:ff9b::', 96],
  // Unique local (fd00:ec2::254 among them), link-local, multicast.
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) BLOCKED.addSubnet(address, prefix, 'ipv6');

export const privateAddress = (ip: string): boolean => BLOCKED.check(ip, net.isIPv6(ip) ? 'ipv6' : 'ipv4');

/** The URL's host as an address when it is one (`[::1]` → `::1`), else undefined. */
const literalAddress = (url: URL): string | undefined => {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return net.isIP(host) ? host : undefined;
};

const refused = () =>
  invalid(
    'webhook_private_address',
    'Alamat webhook menuju jaringan internal (loopback, privat, link-local atau metadata); gunakan alamat sistem OPD yang dapat dijangkau dari internet.',
    'The webhook URL points into an internal network (loopback, private, link-local or metadata); use an address of the OPD’s system reachable from the internet.',
    'url',
  );

/**
 * The webhook URL as kept: http(s), no credentials in it (the secret signs), and — unless private
 * addresses are allowed — a host that is no internal address and whose name resolves to none now.
 * A name that does not resolve yet is kept: each delivery checks it again.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('webhook_url', 'Alamat webhook tidak sah.', 'The webhook URL is not valid.', 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('webhook_url', 'Alamat webhook harus http(s).', 'The webhook URL must be http(s).', 'url');
  if (url.username || url.password) throw invalid('webhook_url', 'Alamat webhook tidak boleh memuat kata sandi.', 'The webhook URL must not carry credentials.', 'url');
  if (!allowPrivate) {
    const literal = literalAddress(url);
    if (literal !== undefined && privateAddress(literal)) throw refused();
    // "localhost" and its subdomains are loopback by definition (RFC 6761), whatever a resolver says.
    if (url.hostname === 'localhost' || url.hostname.endsWith('.localhost')) throw refused();
    if (literal === undefined) {
      const resolved = await dns.promises.lookup(url.hostname, { all: true }).catch(() => []);
      if (resolved.some((a) => privateAddress(a.address))) throw refused();
    }
  }
  return url.toString();
}

/** Thrown into a delivery's connection: recorded as its error, tried again later like any other. */
const PRIVATE_ERROR = 'EPRIVATEADDRESS';

/** A refusal for a delivery to this URL before any connection, when its host is an internal address itself. */
export const deliveryRefusal = (url: URL, allowPrivate: boolean): string | undefined => {
  const literal = literalAddress(url);
  return !allowPrivate && literal !== undefined && privateAddress(literal) ? PRIVATE_ERROR : undefined;
};

/**
 * The resolver a delivery connects with: the name's addresses, refused when any is internal, so the
 * check is on the very addresses the connection uses (no second look-up an attacker's DNS could answer differently).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    if (addresses.some((a) => privateAddress(a.address))) {
      return callback(Object.assign(new Error(`${hostname} resolves to an internal address`), { code: PRIVATE_ERROR }), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, all: dns.LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
