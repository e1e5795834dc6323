import { type Cidr, inCidr, internalKind, parseCidr, parseIp } from './ip-ranges.js';

/** Refused by the policy: an internal address that is not allow-listed, or a URL that is not a plain web address. */
export class OutboundRefusedError extends Error {}

/**
 * Where the desk's outgoing calls may go: public addresses, plus what the operator allow-listed
 * (`OUTBOUND_ALLOW`: host names, matched exactly, and CIDRs, matched against the resolved address)
 * for on-premise bots.
 */
export class OutboundPolicy {
  private readonly hosts = new Set<string>();
  private readonly cidrs: Cidr[] = [];

  /** Throws on an entry that is neither a host name nor a CIDR (the config names it). */
  constructor(allow: readonly string[] = []) {
    for (const raw of allow) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      const cidr = parseCidr(entry);
      if (cidr) this.cidrs.push(cidr);
      else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)) this.hosts.add(entry);
      else throw new Error(`"${raw}" is neither a host name nor a CIDR`);
    }
  }

  hostAllowed(hostname: string): boolean {
    return this.hosts.has(normalHost(hostname));
  }

  /** May a connection to `host` go to `address` (what the host resolved to, or the host itself when it is an IP)? */
  addressAllowed(host: string, address: string): boolean {
    if (this.hostAllowed(host)) return true;
    const ip = parseIp(address);
    if (!ip) return false;
    return internalKind(ip) === null || this.cidrs.some((c) => inCidr(ip, c));
  }

  /**
   * Why a webhook URL may not be saved, or null: not http(s), unparseable, credentials in it, or a
   * literal internal address (`127.0.0.1`, `[::1]`, `2130706433`, `localhost`). Names are resolved
   * only when connecting (see OutboundHttp), so a name that resolves inside is refused then.
   */
  urlProblem(raw: string): string | null {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'must be a valid http or https URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
    if (url.username || url.password) return 'must not contain a user name or password';
    const host = normalHost(url.hostname);
    if (!host) return 'must name a host';
    if (this.hostAllowed(host)) return null;
    if (host === 'localhost' || host.endsWith('.localhost')) return 'must not point to an internal address';
    if (parseIp(host) && !this.addressAllowed(host, host)) return 'must not point to an internal address';
    return null;
  }
}

/** `[::1]` → `::1`, `Example.COM.` → `example.com`. */
export const normalHost = (hostname: string): string => hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
