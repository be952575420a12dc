import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import * as ipaddr from 'ipaddr.js';

export interface UrlPolicy {
  /** http is refused outside development. */
  requireHttps: boolean;
  /** Loopback receivers (127.0.0.0/8, ::1), for a developer's local receiver on devnet. */
  allowLoopback: boolean;
}

/**
 * Public unicast only: loopback (unless allowed), private, link-local (169.254.169.254, the cloud metadata address,
 * is refused everywhere), CGNAT, unique-local, multicast, reserved, NAT64 and IPv4-mapped private addresses are
 * refused.
 */
export function isAllowedAddress(ip: string, policy: UrlPolicy): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress())
    address = (address as ipaddr.IPv6).toIPv4Address();
  const range = address.range();
  return range === 'unicast' || (range === 'loopback' && policy.allowLoopback);
}

export class UrlRefused extends Error {
  constructor(
    message: string,
    readonly reason: 'scheme' | 'userinfo' | 'ssrf_blocked' | 'dns' | 'malformed',
  ) {
    super(message);
    this.name = 'UrlRefused';
  }
}

/** The checks that need no network: scheme, credentials in the URL, literal IP addresses (numeric forms included). */
export function checkUrlShape(raw: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw); // WHATWG parsing normalises http://2130706433/, http://0x7f000001/ and http://127.1/ to 127.0.0.1
  } catch {
    throw new UrlRefused('not a valid URL', 'malformed');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UrlRefused('the URL must be http(s)', 'scheme');
  if (policy.requireHttps && url.protocol !== 'https:') throw new UrlRefused('webhook URLs must use https', 'scheme');
  if (url.username || url.password) throw new UrlRefused('the URL must not carry credentials', 'userinfo');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isAllowedAddress(host, policy))
    throw new UrlRefused(`${host} is not a public address`, 'ssrf_blocked');
  return url;
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );
}

/** Registration-time check: the shape, then every address the host resolves to must be allowed. */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy): Promise<URL> {
  const url = checkUrlShape(raw, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return url;
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch {
    throw new UrlRefused(`${host} does not resolve`, 'dns');
  }
  // The address is not named: a caller must not learn what an internal name resolves to (a DNS oracle).
  if (addresses.some((a) => !isAllowedAddress(a.address, policy)))
    throw new UrlRefused(`${host} resolves to an address that is not public`, 'ssrf_blocked');
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Connect-time check (DNS rebinding): the socket connects only to addresses that pass the policy, resolved right
 * here. Plugged into http(s).request as `lookup`.
 */
export function safeLookup(policy: UrlPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, family: options.family }, (err, addresses) => {
      if (err) return callback(err, '');
      if (addresses.length === 0 || addresses.some((a) => !isAllowedAddress(a.address, policy))) {
        // Shown in the delivery log: the address is not named (see checkWebhookUrl).
        const e = new Error(
          addresses.length
            ? `${hostname} resolves to an address that is not public`
            : `${hostname} resolves to nothing`,
        ) as NodeJS.ErrnoException;
        e.code = 'ESSRF';
        return callback(e, '');
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
