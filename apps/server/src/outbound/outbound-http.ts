import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { OutboundPolicy, OutboundRefusedError, normalHost } from './outbound-policy.js';

/** How a call ended. Only `sent` is for users; the rest is for the logs (never the remote answer). */
export type OutboundResult =
  | { sent: true; status: number }
  | { sent: false; failure: 'refused' | 'redirect' | 'status' | 'timeout' | 'network'; status?: number; detail?: string };

type Resolve = (hostname: string, options: LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * The one HTTP client for every call the desk makes to a URL a user gave (SLA alerts, supplier
 * reminders). The policy is applied to the addresses a name resolves to, inside the agent's own
 * `lookup`, so the address checked is the address connected to: a name that answers a public
 * address to a first check and 127.0.0.1 to the connection (DNS rebinding) gets nowhere. No
 * redirects (a 3xx is a failure), a whole-call deadline, and the answer's body is never read.
 */
export class OutboundHttp {
  private readonly agents: { 'http:': HttpAgent; 'https:': HttpsAgent };

  constructor(
    private readonly policy: OutboundPolicy,
    private readonly timeoutMs: number,
    private readonly resolve: Resolve = dnsLookup,
  ) {
    const lookup = this.lookup.bind(this);
    this.agents = { 'http:': new HttpAgent({ keepAlive: false, lookup }), 'https:': new HttpsAgent({ keepAlive: false, lookup }) };
  }

  postJson(rawUrl: string, body: unknown): Promise<OutboundResult> {
    const problem = this.policy.urlProblem(rawUrl);
    if (problem) return Promise.resolve({ sent: false, failure: 'refused', detail: problem });
    const url = new URL(rawUrl);
    const host = normalHost(url.hostname);
    // A literal address never reaches `lookup` (net connects to it directly): checked here.
    if (isIP(host) && !this.policy.addressAllowed(host, host)) return Promise.resolve({ sent: false, failure: 'refused', detail: 'internal address' });
    const payload = JSON.stringify(body);
    const protocol = url.protocol as 'http:' | 'https:';
    const request = protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((done) => {
      let finished = false;
      const finish = (result: OutboundResult) => {
        if (finished) return;
        finished = true;
        clearTimeout(deadline);
        req.destroy();
        done(result);
      };
      const req = request(url, {
        method: 'POST',
        agent: this.agents[protocol],
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'user-agent': 'KefuDesk' },
      });
      const deadline = setTimeout(() => finish({ sent: false, failure: 'timeout' }), this.timeoutMs);
      req.on('response', (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        res.destroy();
        if (status >= 200 && status < 300) finish({ sent: true, status });
        else finish({ sent: false, failure: status >= 300 && status < 400 ? 'redirect' : 'status', status });
      });
      req.on('error', (err) => finish({ sent: false, failure: err instanceof OutboundRefusedError ? 'refused' : 'network', detail: err.message }));
      req.end(payload);
    });
  }

  /** `lookup` of the agents: every address the name resolves to must be allowed, or the connection is refused. */
  private lookup(hostname: string, options: LookupOptions, callback: Parameters<LookupFunction>[2]): void {
    this.resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      if (!addresses.length || addresses.some((a) => !this.policy.addressAllowed(hostname, a.address)))
        return callback(new OutboundRefusedError(`${hostname} resolves to an internal address`), '');
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  }
}
