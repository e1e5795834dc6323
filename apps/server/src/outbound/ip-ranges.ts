// Which IP addresses an outgoing call may reach: only globally routable unicast ones. The ranges
// are IANA's special-purpose registries (RFC 6890 and successors) plus multicast.
import { isIPv4, isIPv6 } from 'node:net';

export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

/** Why an address is not a public one. */
export type InternalKind = 'unspecified' | 'loopback' | 'private' | 'link-local' | 'cgnat' | 'multicast' | 'reserved';

export interface Cidr {
  family: 4 | 6;
  base: bigint;
  bits: number;
}

const BITS = { 4: 32, 6: 128 } as const;

/** A canonical IPv4 or IPv6 address (an IPv6 zone such as `%eth0` is ignored), else null. */
export function parseIp(text: string): IpAddress | null {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return { family: 4, value: bare.split('.').reduce((n, part) => (n << 8n) | BigInt(part), 0n) };
  if (!isIPv6(bare)) return null;
  let groups = bare;
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two hex groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (tail) {
    const v4 = parseIp(tail[1])!.value;
    groups = `${bare.slice(0, -tail[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, rest] = groups.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const parts = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return { family: 6, value: parts.reduce((n, part) => (n << 16n) | BigInt(`0x${part}`), 0n) };
}

/** `10.0.0.0/8`, `fd00::/8`, or a bare address (one host). */
export function parseCidr(text: string): Cidr | null {
  const [addr, prefix, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const bits = prefix === undefined ? BITS[ip.family] : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits >= 0 && bits <= BITS[ip.family])) return null;
  return { family: ip.family, base: ip.value >> BigInt(BITS[ip.family] - bits), bits };
}

export const inCidr = (ip: IpAddress, cidr: Cidr): boolean => ip.family === cidr.family && ip.value >> BigInt(BITS[ip.family] - cidr.bits) === cidr.base;

const table = (rows: [string, InternalKind][]) => rows.map(([cidr, kind]) => ({ cidr: parseCidr(cidr)!, kind }));

const V4 = table([
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'], // cloud metadata (169.254.169.254) lives here
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'], // and 255.255.255.255
]);

const V6 = table([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['64:ff9b:1::/48', 'private'],
  ['2001::/23', 'reserved'], // protocol assignments, Teredo
  ['2001:db8::/32', 'reserved'],
  ['fc00::/7', 'private'],
  ['fec0::/10', 'private'],
  ['fe80::/10', 'link-local'],
  ['ff00::/8', 'multicast'],
]);
const GLOBAL_UNICAST_V6 = parseCidr('2000::/3')!;

/** IPv6 forms that carry an IPv4 address a gateway would reach: mapped, NAT64, 6to4. */
function embeddedIpv4(ip: IpAddress): IpAddress | null {
  const v = ip.value;
  if (v >> 32n === 0xffffn) return { family: 4, value: v & 0xffffffffn }; // ::ffff:a.b.c.d
  if (v >> 32n === 0x64ff9b_0000_0000_0000_0000n) return { family: 4, value: v & 0xffffffffn }; // 64:ff9b::a.b.c.d
  if (v >> 112n === 0x2002n) return { family: 4, value: (v >> 80n) & 0xffffffffn }; // 2002:AABB:CCDD::
  return null;
}

/** Null for a public unicast address, else what kind of internal address it is. */
export function internalKind(ip: IpAddress): InternalKind | null {
  if (ip.family === 4) return V4.find((r) => inCidr(ip, r.cidr))?.kind ?? null;
  const v4 = embeddedIpv4(ip);
  if (v4) return internalKind(v4);
  const listed = V6.find((r) => inCidr(ip, r.cidr))?.kind;
  if (listed) return listed;
  // Everything outside 2000::/3 (IPv4-compatible ::a.b.c.d, discard-only 100::/64, …) is unassigned or special.
  return inCidr(ip, GLOBAL_UNICAST_V6) ? null : 'reserved';
}
