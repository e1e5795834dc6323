import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CAUSE_CODES } from '@kefu/contracts';
import { foldOf } from '../../apps/server/src/classifier/cause-classifier.js';
import { loadCorpus } from '../../apps/server/src/classifier/corpus.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

const DAY = 24 * 3600 * 1000;

describe('root-cause classification', () => {
  let desk: Desk;
  let admin: string;

  beforeAll(async () => {
    desk = await startDesk();
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(() => desk.close());

  const classify = (token: string, text: unknown) => http(desk.url, 'POST', '/api/classify', { token, body: { text } });

  it('classifies simplified, traditional, mixed-script and English messages with calibrated scores', async () => {
    const agent = await login(desk.url, 'agent1@demo.kefu');
    for (const [text, cause] of [
      ['买的保温杯用了三天就不保温了', 'product_quality'],
      ['包裹顯示已簽收，但我根本沒收到', 'logistics_delay'],
      ['size 偏小,平时穿 M 这个 M 穿不上', 'size_fit'],
      ['The courier left the box crushed and the vase inside was smashed', 'shipping_damage'],
    ]) {
      const r = await classify(agent, text);
      expect(r.status).toBe(200);
      expect({ text, cause: r.body.cause }).toEqual({ text, cause });
      expect(r.body).toMatchObject({ confidence: expect.any(Number), lowConfidence: r.body.confidence < 0.6, modelVersion: expect.any(Number) });
      expect(Object.keys(r.body.scores).sort()).toEqual([...CAUSE_CODES].sort());
      expect(r.body.confidence).toBe(Math.max(...(Object.values(r.body.scores) as number[])));
    }
    expect((await classify(agent, '')).body.fields).toHaveProperty('text');
    expect((await classify(agent, 42)).status).toBe(400);
    expect((await http(desk.url, 'POST', '/api/classify', { body: { text: 'x' } })).status).toBe(401);
  });

  it('sets an automatic cause on a new ticket, which the agent confirms or corrects in one call', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Causes', { businessHours: null });
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('收到的台灯一开就闪,根本用不了', 'buyer-lamp'));
    const created = await http(desk.url, 'POST', '/api/tickets', {
      token: s.agentToken,
      body: { conversationId: inbound.body.conversationId, type: 'return', customerReason: '收到的台灯一开就闪,根本用不了', orderRef: 'L-1', orderedAt: new Date(Date.now() - 5 * DAY).toISOString(), deliveredAt: new Date(Date.now() - 12 * DAY).toISOString(), items: [{ sku: 'LAMP', name: '台灯', category: 'home', qty: 1, price: 99 }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ cause: 'product_quality', causeSource: 'auto', suggestedCause: 'product_quality', causeConfidence: expect.any(Number) });
    // The automatic cause feeds the policy: a quality return on day 12 is inside the 15-day window.
    expect(created.body.policyDecision).toMatchObject({ eligible: true, rule: 'quality_return_window' });

    const corrected = await http(desk.url, 'POST', `/api/tickets/${created.body.id}/cause`, { token: s.agentToken, body: { cause: 'shipping_damage' } });
    expect(corrected.body).toMatchObject({ cause: 'shipping_damage', causeSource: 'agent', suggestedCause: 'product_quality' });
    const detail = await http(desk.url, 'GET', `/api/tickets/${created.body.id}`, { token: s.agentToken });
    expect(detail.body.timeline.find((e: { kind: string }) => e.kind === 'cause_set')).toMatchObject({ actorId: s.agent.id, details: { cause: 'shipping_damage', previous: 'product_quality', previousSource: 'auto' } });
  });

  it('keeps the previous model when a retrain with agents’ causes scores worse on the held-out split', async () => {
    const before = await http(desk.url, 'GET', '/api/classify/models', { token: admin });
    const active = before.body.items.find((m: { status: string }) => m.status === 'active');
    expect(active).toMatchObject({ version: expect.any(Number), scores: { macroF1: expect.any(Number) } });

    // Agents "confirm" hundreds of causes at random: training on them must not replace the model.
    const s = await storeWithAgent(desk.url, admin, 'Noise', { businessHours: null });
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('noise', 'buyer-noise'));
    const texts = loadCorpus().filter((m) => foldOf(m.text, 5) !== 0).slice(0, 400);
    await desk.db.query(
      `INSERT INTO tickets (store_id, conversation_id, customer_id, type, status, customer_reason, cause, cause_source, policy_decision)
       SELECT $1, $2, c.customer_id, 'return', 'closed', t.text, t.cause, 'agent', '{}'::jsonb
       FROM conversations c, unnest($3::text[], $4::text[]) AS t(text, cause) WHERE c.id = $2`,
      [s.store.id, inbound.body.conversationId, texts.map((m) => `${m.text} `), texts.map((m, i) => CAUSE_CODES[(CAUSE_CODES.indexOf(m.cause) + 1 + (i % 9)) % 10])],
    );
    const asked = await http(desk.url, 'POST', '/api/classify/retrain', { token: admin });
    expect(asked.status).toBe(202);
    const rejected = await waitFor(async () => {
      const r = await http(desk.url, 'GET', '/api/classify/models', { token: admin });
      return r.body.items.find((m: { version: number }) => m.version > active.version);
    }, 60000, 'a retrained version');
    expect(rejected).toMatchObject({ status: 'rejected', agentSamples: expect.any(Number), previousScores: { macroF1: expect.any(Number) } });
    expect(rejected.scores.macroF1).toBeLessThan(rejected.previousScores.macroF1);
    const after = await http(desk.url, 'GET', '/api/classify/models', { token: admin });
    expect(after.body.items.find((m: { status: string }) => m.status === 'active').version).toBe(active.version);
    expect((await classify(admin, '质量太差了,用一天就坏')).body.modelVersion).toBe(active.version);
    expect((await http(desk.url, 'POST', '/api/classify/retrain', { token: await login(desk.url, 'agent1@demo.kefu') })).status).toBe(403);
  });
});
