// Two client stores on one desk, for the scope tests: store A with its store-limited agent,
// supervisor and analyst, and store B, whose every name carries the marker LEAKB so that any of its
// data showing up in an answer to A's people is recognisable, beside all of B's ids.
import { randomUUID } from 'node:crypto';
import type { ChannelWithSecret, Store, User } from '@kefu/contracts';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { http, inboundBody, login, signedInbound, waitFor, type Answer } from './client.js';

export const MARKER = 'LEAKB';

export type IdKind = 'store' | 'channel' | 'conversation' | 'customer' | 'message' | 'ticket' | 'article' | 'quickReply' | 'report' | 'user' | 'order';

/** One store's ids, by kind. */
export type StoreIds = Record<IdKind, string[]>;

const emptyIds = (): StoreIds => ({ store: [], channel: [], conversation: [], customer: [], message: [], ticket: [], article: [], quickReply: [], report: [], user: [], order: [] });

export interface Side {
  store: Store;
  channel: ChannelWithSecret;
  ids: StoreIds;
}

export interface TwoStores {
  admin: string;
  a: Side;
  b: Side;
  /** Store A's people, each limited to store A. */
  callers: { role: 'agent' | 'supervisor' | 'analyst' | 'client'; token: string; user: User }[];
  /** An agent serving both stores (A's people see them, never their store B side). */
  shared: User;
  bAgent: { user: User; token: string };
  bSupervisor: { user: User; token: string };
  /** Adds more of store B's data: conversations, replies, breaches, a ticket, ratings, orders, knowledge-base gaps. */
  growB(n: number): Promise<void>;
}

const ok = <T>(r: Answer<T>, what: string): T => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

export async function twoStores(base: string): Promise<TwoStores> {
  const tag = randomUUID().slice(0, 8);
  const admin = await login(base, 'admin@demo.kefu');
  const post = <T = any>(path: string, body: unknown, token = admin) => http<T>(base, 'POST', path, { token, body }).then((r) => ok(r, `POST ${path}`));

  async function side(name: string, fast: boolean): Promise<Side> {
    const store = await post<Store>('/api/stores', {
      name,
      platform: 'jd',
      businessHours: null,
      // A platform rule no wait outlives in a run: a figure that moves with time alone would read as a leak.
      responseRule: { seconds: 86_400, window: null, nudgeSeconds: [] },
      ...(fast && { slaPolicy: { firstResponseSeconds: 1, nextResponseSeconds: 1, warnBeforeSeconds: 1, resolutionHours: 1 } }),
    });
    const channel = await post<ChannelWithSecret>(`/api/stores/${store.id}/channels`, { kind: 'marketplace_chat', name: `${name} chat` });
    const ids = emptyIds();
    ids.store.push(store.id);
    ids.channel.push(channel.id);
    return { store, channel, ids };
  }
  const a = await side(`Alpha ${tag}`, false);
  const b = await side(`${MARKER} Bravo ${tag}`, true);

  async function user(role: User['role'], name: string, storeIds: string[]) {
    const email = `${role}-${randomUUID().slice(0, 8)}@scope.test`;
    const created = await post<User>('/api/users', { email, name, password: 'scope-pass-1', role, storeIds, languages: ['zh', 'en'], maxConcurrent: 20 });
    return { user: created, token: await login(base, email, 'scope-pass-1') };
  }
  const agentA = await user('agent', `Alpha agent ${tag}`, [a.store.id]);
  const supA = await user('supervisor', `Alpha supervisor ${tag}`, [a.store.id]);
  const anaA = await user('analyst', `Alpha analyst ${tag}`, [a.store.id]);
  const clientA = await user('client', `Alpha brand ${tag}`, [a.store.id]);
  const shared = await user('agent', `Shared agent ${tag}`, [a.store.id, b.store.id]);
  const bAgent = await user('agent', `${MARKER} agent ${tag}`, [b.store.id]);
  const bSupervisor = await user('supervisor', `${MARKER} supervisor ${tag}`, [b.store.id]);
  b.ids.user.push(bAgent.user.id, bSupervisor.user.id);
  a.ids.user.push(agentA.user.id, supA.user.id, anaA.user.id, clientA.user.id);

  /** A customer writes; returns the conversation (and its customer and message). */
  async function chat(s: Side, customer: string, customerName: string, text: string) {
    const r = ok(await signedInbound(base, s.channel, { ...inboundBody(text, customer), customer: { externalId: customer, name: customerName } }), 'inbound');
    const detail = ok(await http(base, 'GET', `/api/conversations/${r.conversationId}`, { token: admin }), 'conversation');
    s.ids.conversation.push(r.conversationId);
    s.ids.customer.push(detail.customerId);
    s.ids.message.push(r.messageId);
    return r.conversationId as string;
  }
  const reply = async (conversationId: string, token: string, body: string) => (await post(`/api/conversations/${conversationId}/messages`, { body, kind: 'reply' }, token)).id as string;

  const items = (side: Side, sku: string, price: number) => [{ sku, name: `${side === b ? MARKER : 'Alpha'} product ${sku}`, category: 'apparel', qty: 1, price }];
  const ticket = async (s: Side, conversationId: string, token: string, sku: string) => {
    const t = await post('/api/tickets', { conversationId, type: 'return', customerReason: `${s === b ? MARKER : 'Alpha'} 尺码不合适想退货`, items: items(s, sku, 4321), orderedAt: new Date(Date.now() - 5 * 86400_000).toISOString(), deliveredAt: new Date(Date.now() - 2 * 86400_000).toISOString() }, token);
    s.ids.ticket.push(t.id);
    return t.id as string;
  };
  const order = async (s: Side, orderRef: string, customer: string) => {
    const raw = JSON.stringify({ orderRef, customer: { externalId: customer }, items: items(s, `${orderRef}-SKU`, 77.7), paidAt: new Date().toISOString() });
    const r = ok(await http(base, 'POST', `/api/channels/${s.channel.id}/orders`, { raw, headers: { 'x-kefu-signature': signBody(s.channel.secret, raw) } }), 'order webhook');
    s.ids.order.push(r.orderId);
  };

  // Store A: a served chat with a ticket, one waiting with the shared agent, an article.
  const a1 = await chat(a, `alpha-buyer-${tag}`, 'Alpha buyer', 'Alpha 你好,尺码偏小');
  a.ids.message.push(await reply(a1, agentA.token, 'Alpha 您好'));
  await ticket(a, a1, agentA.token, 'ALPHA-SKU-1');
  const a2 = await chat(a, `alpha-buyer2-${tag}`, 'Alpha buyer two', 'Alpha 在吗,发货了吗');
  await post(`/api/conversations/${a2}/assign`, { assigneeId: shared.user.id });
  a.ids.article.push((await post('/api/kb/articles', { storeId: a.store.id, lang: 'zh', title: 'Alpha 退货流程', body: 'Alpha 七天无理由退货', status: 'published' }, supA.token)).id);

  // Store B: everything a client store has.
  let round = 0;
  async function growB(n: number) {
    for (let i = 0; i < n; i++) {
      round++;
      const buyer = `${MARKER}-buyer-${tag}-${round}`;
      const served = await chat(b, buyer, `${MARKER} buyer ${round}`, `${MARKER} 这个尺码偏小,想退货 ${round}`);
      b.ids.message.push(await reply(served, bAgent.token, `${MARKER} 您好,可以退`));
      await ticket(b, served, bAgent.token, `${MARKER}-SKU-${round}`);
      await post(`/api/conversations/${served}/status`, { status: 'resolved' }, bAgent.token);
      ok(await signedInbound(base, b.channel, inboundBody('5', buyer)), 'rating');
      // A pre-sale chat that converts, one left with the shared agent, one left to breach.
      const presale = await chat(b, `${buyer}-pre`, `${MARKER} shopper ${round}`, `${MARKER} 有现货吗 ${round}`);
      b.ids.message.push(await reply(presale, bAgent.token, `${MARKER} 有的`));
      await order(b, `77700011122${String(round).padStart(5, '0')}`, `${buyer}-pre`);
      const withShared = await chat(b, `${buyer}-shared`, `${MARKER} waiting ${round}`, `${MARKER} 快递到哪了 ${round}`);
      await post(`/api/conversations/${withShared}/assign`, { assigneeId: shared.user.id });
      b.ids.message.push(await reply(withShared, shared.token, `${MARKER} 在查`));
      await chat(b, `${buyer}-late`, `${MARKER} late ${round}`, `${MARKER} 人呢 ${round}`);
      for (const q of [`${MARKER} 火星基地 ${round} 号舱`, `${MARKER} 我叫王小明 电话 13812345678 量子纠缠 ${round}`])
        for (const storeId of [b.store.id, undefined]) ok(await http(base, 'GET', `/api/kb/search?q=${encodeURIComponent(q)}${storeId ? `&storeId=${storeId}` : ''}`, { token: bAgent.token }), 'search');
    }
    // Quiet before anyone compares: every B clock (1 s) has breached or been met.
    await waitFor(async () => (await http(base, 'GET', `/api/sla/timers?status=running&kind=first_response,next_response&storeId=${b.store.id}`, { token: admin })).body.total === 0, 15_000, "store B's clocks to settle");
  }
  // Before any search: the knowledge base's word statistics are shared by every store (global
  // articles, how rare a word is), so B's article, added later, would move the relevance scores A's
  // people see once the search's cache of them refreshes.
  // (Its words are not the marker's: the unanswered questions below, which carry it, must stay unanswered; its id marks it.)
  b.ids.article.push((await post('/api/kb/articles', { storeId: b.store.id, lang: 'zh', title: 'Bravo 退货流程', body: 'Bravo 七天无理由退货', status: 'published' }, bSupervisor.token)).id);
  await growB(1);
  const gaps = async () => (await http(base, 'GET', `/api/kb/stats?storeId=${b.store.id}`, { token: bSupervisor.token })).body.gaps?.length ?? 0;
  await waitFor(async () => (await gaps()) >= 2, 5000, "store B's unanswered questions");
  await post(`/api/kb/articles/${b.ids.article[0]}/usage`, { conversationId: b.ids.conversation[0] }, bAgent.token);
  await post(`/api/kb/articles/${b.ids.article[0]}/feedback`, { conversationId: b.ids.conversation[0], helpful: false }, bAgent.token);
  b.ids.quickReply.push((await post('/api/kb/quick-replies', { storeId: b.store.id, shortcut: 'leakb', title: `${MARKER} quick`, body: `${MARKER} 亲,稍等` }, bSupervisor.token)).id);
  b.ids.report.push((await post(`/api/reports/stores/${b.store.id}/generate?period=week`, undefined, bSupervisor.token)).id);

  return {
    admin,
    a,
    b,
    callers: [
      { role: 'agent', ...agentA },
      { role: 'supervisor', ...supA },
      { role: 'analyst', ...anaA },
      { role: 'client', ...clientA },
    ],
    shared: shared.user,
    bAgent,
    bSupervisor,
    growB,
  };
}
