import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

type StoreSetup = Awaited<ReturnType<typeof storeWithAgent>>;
const TZ = 'Asia/Shanghai';

/** Reply guard (issue 21) in the client report: violations per 1,000 replies of the store's period and the one before. */
describe("the client report's reply guard figures", () => {
  let desk: Desk;
  let admin: string;
  let analyst: string;
  const tag = randomUUID().slice(0, 6);
  const blockTerm = `站外交易${tag}`;
  const warnTerm = `限时特价${tag}`;

  /** Monday 00:00 of the last complete week and of the week before it, store-local. */
  const lastWeek = DateTime.now().setZone(TZ).startOf('week').minus({ weeks: 1 });
  const weekBefore = lastWeek.minus({ weeks: 1 });

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    analyst = await login(desk.url, 'analyst@demo.kefu');
  });
  afterAll(() => desk.close());

  /** A store with its own block and warn rule. */
  const guardedStore = async (name: string) => {
    const s = await storeWithAgent(desk.url, admin, name, { businessHours: null });
    for (const [terms, action] of [[[blockTerm], 'block'], [[warnTerm], 'warn']] as const) {
      const r = await http(desk.url, 'POST', '/api/guard/rules', { token: admin, body: { storeId: s.store.id, kind: 'term', terms, action, message: { zh: '测试规则', en: 'test rule' } } });
      expect(r.status).toBe(201);
    }
    return s;
  };
  /** One reply in a new conversation, answered with `status`; everything of the conversation (messages, guard events) moved to `at`. */
  const reply = async (s: StoreSetup, body: string, status: number, at: DateTime | null, confirm?: string) => {
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('请问有优惠吗', `buyer-${randomUUID().slice(0, 8)}`));
    expect(inbound.status).toBe(202);
    const id = inbound.body.conversationId as string;
    const r = await http(desk.url, 'POST', `/api/conversations/${id}/messages`, { token: s.agentToken, body: { kind: 'reply', body, ...(confirm ? { confirm: { reason: confirm } } : {}) } });
    expect([r.status, r.body.code]).toEqual([status, status === 422 ? 'REPLY_BLOCKED' : undefined]);
    if (at) {
      await desk.db.query(`UPDATE messages SET created_at = $2 WHERE conversation_id = $1`, [id, at.toJSDate()]);
      await desk.db.query(`UPDATE guard_events SET at = $2 WHERE conversation_id = $1`, [id, at.toJSDate()]);
    }
  };
  const clean = (s: StoreSetup, at: DateTime | null) => reply(s, '您好，今天下午发货', 201, at);
  const blocked = (s: StoreSetup, at: DateTime | null) => reply(s, `可以${blockTerm}哦`, 422, at);
  const override = (s: StoreSetup, at: DateTime | null) => reply(s, `这是${warnTerm}`, 201, at, '活动已报备');
  const weekReport = async (s: StoreSetup) => {
    const r = await http(desk.url, 'POST', `/api/reports/stores/${s.store.id}/generate?period=week`, { token: analyst });
    expect([r.status, r.body.periodStart]).toEqual([201, lastWeek.toISODate()]);
    return r.body;
  };

  it('counts the store’s blocked attempts and overrides per 1,000 replies of the week, against the week before, in the report and its CSV', async () => {
    const s = await guardedStore('Guard report');
    const other = await guardedStore('Guard report other');
    const inWeek = lastWeek.plus({ days: 2, hours: 10 });
    // Last week by hand: 3 clean replies, 2 sent over a warning, 1 refused: 5 replies, 3 violations in 6 attempts.
    for (let i = 0; i < 3; i++) await clean(s, inWeek);
    await override(s, inWeek.plus({ days: 1 }));
    await override(s, inWeek.plus({ days: 3 }));
    await blocked(s, inWeek);
    // The week before: 4 clean replies and no violation, a rate of 0 (not "none").
    for (let i = 0; i < 4; i++) await clean(s, weekBefore.plus({ days: 4, hours: 15 }));
    // Not counted: this week's, and the other store's.
    await blocked(s, null);
    await override(s, null);
    await blocked(other, inWeek);
    await clean(other, inWeek);

    const report = await weekReport(s);
    expect(report.content.replyGuard).toEqual({ replies: 5, blocked: 1, overrides: 2, per1000: 500, previousPer1000: 0 });

    // The guard's own figures agree: a store with replies and no violation is a row of its own (0 per 1,000).
    const stats = async (from: DateTime, to: DateTime, groupBy: string) =>
      (await http(desk.url, 'GET', `/api/guard/stats?${new URLSearchParams({ from: from.toUTC().toISO()!, to: to.toUTC().toISO()!, storeId: s.store.id, groupBy })}`, { token: analyst })).body.items;
    expect(await stats(weekBefore, lastWeek, 'store')).toEqual([{ storeId: s.store.id, replies: 4, blocked: 0, overrides: 0, per1000: 0 }]);
    // By day, the days add up to the week (the day with replies only included).
    const days = await stats(lastWeek, lastWeek.plus({ weeks: 1 }), 'day');
    expect(days.map((d: { day: string; replies: number; blocked: number; overrides: number }) => [d.day, d.replies, d.blocked, d.overrides])).toEqual([
      [inWeek.toISODate(), 3, 1, 0],
      [inWeek.plus({ days: 1 }).toISODate(), 1, 0, 1],
      [inWeek.plus({ days: 3 }).toISODate(), 1, 0, 1],
    ]);

    const csv = await http(desk.url, 'GET', `/api/reports/${report.id}/csv`, { token: analyst });
    expect(csv.body).toContain('service,reply guard violations per 1000 replies,500,0,\r\n');
    const zh = await http(desk.url, 'GET', `/api/reports/${report.id}/csv?lang=zh`, { token: analyst });
    expect(zh.body).toContain('服务,回复质检违规数(每千条回复),500,0,\r\n');
  });

  it('has no rate for a week without replies, and keeps old reports without the figures readable', async () => {
    const quiet = await guardedStore('Guard report quiet');
    const report = await weekReport(quiet);
    expect(report.content.replyGuard).toEqual({ replies: 0, blocked: 0, overrides: 0, per1000: null, previousPer1000: null });
    const csv = await http(desk.url, 'GET', `/api/reports/${report.id}/csv`, { token: analyst });
    expect(csv.body).toContain('service,reply guard violations per 1000 replies,,,\r\n');

    // A report stored before the figures existed: served and exported without them.
    await desk.db.query(`UPDATE client_reports SET content = content - 'replyGuard' WHERE id = $1`, [report.id]);
    const old = await http(desk.url, 'GET', `/api/reports/${report.id}`, { token: analyst });
    expect(old.status).toBe(200);
    expect(old.body.content).not.toHaveProperty('replyGuard');
    const oldCsv = await http(desk.url, 'GET', `/api/reports/${report.id}/csv`, { token: analyst });
    expect(oldCsv.status).toBe(200);
    expect(oldCsv.body).not.toContain('reply guard');
  });
});
