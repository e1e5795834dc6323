import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { SlaReconciler } from '../../apps/server/src/sla/sla-reconciler.service.js';
import { SlaTimerService } from '../../apps/server/src/sla/sla-timer.service.js';
import { SlaTimerEntity } from '../../apps/server/src/sla/sla-timer.entity.js';
import { flushRunRedis, spawnWorker, startDesk, type Desk } from '../support/desk.js';
import { drainQueues, waitForWorkers } from '../support/queues.js';
import { deskSocket, http, inboundBody, login, signedInbound, sleep, storeWithAgent, waitFor } from '../support/client.js';

/** A store open around the clock with a response promise of `seconds` and a warning `warn` seconds ahead. */
const fastSla = (seconds: number, warn = 1, extra: Record<string, unknown> = {}) => ({
  businessHours: null,
  slaPolicy: { firstResponseSeconds: seconds, nextResponseSeconds: seconds, warnBeforeSeconds: warn },
  ...extra,
});

describe('response SLA timers', () => {
  let desk: Desk;
  let admin: string;
  let supervisor: string;

  beforeAll(async () => {
    desk = await startDesk({ env: { SLA_RECONCILE_MS: '1000', OUTBOUND_ALLOW: 'localhost', PUBLIC_URL: 'https://desk.example.com' } });
    admin = await login(desk.url, 'admin@demo.kefu');
    supervisor = await login(desk.url, 'supervisor@demo.kefu');
  });
  afterAll(() => desk.close());

  const timersOf = (conversationId: string) => desk.db.query(`SELECT * FROM sla_timers WHERE conversation_id = $1 ORDER BY started_at`, [conversationId]);

  it('warns, then breaches exactly once, live to a supervisor; the conversation is flagged', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Breach', fastSla(2, 1));
    const sup = await deskSocket(desk.url, supervisor);
    try {
      const inbound = await signedInbound(desk.url, s.channel, inboundBody('还没发货吗?'));
      const id = inbound.body.conversationId;
      const mine = (name: string) => sup.events.filter((e) => e.name === name && e.payload.conversationId === id);
      const warning = await waitFor(() => mine('sla.warning')[0], 4000, 'sla.warning');
      expect(warning.payload).toMatchObject({ storeId: s.store.id, kind: 'first_response', status: 'running' });
      expect(warning.payload.secondsLeft).toBeLessThanOrEqual(1);
      const breached = await waitFor(() => mine('sla.breached')[0], 4000, 'sla.breached');
      expect(breached.payload).toMatchObject({ storeId: s.store.id, status: 'breached', id: warning.payload.id });
      expect(sup.events.indexOf(warning)).toBeLessThan(sup.events.indexOf(breached));

      await desk.worker!.get(SlaReconciler).runOnce(); // a reconcile pass later
      await drainQueues(desk.worker!);
      expect(mine('sla.breached')).toHaveLength(1);
      const [timer] = await timersOf(id);
      expect(timer.status).toBe('breached');
      expect(timer.breached_at.getTime() - timer.due_at.getTime()).toBeLessThan(1000);
      const conv = await http(desk.url, 'GET', `/api/conversations/${id}`, { token: s.agentToken });
      expect(conv.body.slaBreachedAt).not.toBeNull();
      const flagged = await http(desk.url, 'GET', `/api/conversations?breached=true&storeId=${s.store.id}`, { token: supervisor });
      expect(flagged.body.items.map((c: { id: string }) => c.id)).toEqual([id]);

      // Answering after the breach keeps the verdict and records the response.
      await http(desk.url, 'POST', `/api/conversations/${id}/messages`, { token: s.agentToken, body: { body: '抱歉久等了' } });
      const [answered] = await timersOf(id);
      expect(answered.status).toBe('breached');
      expect(answered.responded_at).not.toBeNull();
      expect((await http(desk.url, 'GET', `/api/conversations/${id}`, { token: s.agentToken })).body.slaBreachedAt).toBeNull();
    } finally {
      sup.socket.close();
    }
  });

  it('is met by a reply before due: sla.met with the response time, no warning or breach after it', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Met', fastSla(2, 1));
    const sup = await deskSocket(desk.url, supervisor);
    try {
      const inbound = await signedInbound(desk.url, s.channel, inboundBody('在吗'));
      const id = inbound.body.conversationId;
      await sleep(300); // the scenario: the agent answers a moment later
      const note = await http(desk.url, 'POST', `/api/conversations/${id}/messages`, { token: s.agentToken, body: { body: '先查一下', kind: 'note' } });
      expect(note.status).toBe(201);
      expect((await timersOf(id))[0].status).toBe('running'); // a note answers nobody
      await http(desk.url, 'POST', `/api/conversations/${id}/messages`, { token: s.agentToken, body: { body: '在的,您请说' } });
      const met = await waitFor(() => sup.events.find((e) => e.name === 'sla.met' && e.payload.conversationId === id), 3000, 'sla.met');
      expect(met.payload).toMatchObject({ status: 'met', storeId: s.store.id, respondedBy: s.agent.id });
      expect(met.payload.responseSeconds).toBeGreaterThanOrEqual(0);
      expect(met.payload.responseSeconds).toBeLessThanOrEqual(1);
      await sleep(3000); // the scenario: the warning and due instants pass
      expect(sup.events.filter((e) => e.name !== 'sla.met' && e.name.startsWith('sla.') && e.payload.conversationId === id)).toEqual([]);
      const [timer] = await timersOf(id);
      expect(timer).toMatchObject({ status: 'met', breached_at: null, warned_at: null });
    } finally {
      sup.socket.close();
    }
  });

  it('keeps one timer, measured from the first of several customer messages; a later one starts next_response', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Three', fastSla(60, 10));
    const first = await signedInbound(desk.url, s.channel, inboundBody('一', 'buyer-3'));
    await sleep(50); // the scenario: later messages of the same customer
    await signedInbound(desk.url, s.channel, inboundBody('二', 'buyer-3'));
    await signedInbound(desk.url, s.channel, inboundBody('三', 'buyer-3'));
    const id = first.body.conversationId;
    const detail = await http(desk.url, 'GET', `/api/conversations/${id}`, { token: s.agentToken });
    expect(detail.body.slaTimers).toHaveLength(1);
    const firstMessage = detail.body.messages[0];
    expect(detail.body.slaTimers[0]).toMatchObject({ kind: 'first_response', status: 'running', startedAt: firstMessage.createdAt });
    expect(Date.parse(detail.body.slaTimers[0].dueAt) - Date.parse(firstMessage.createdAt)).toBe(60_000);
    expect(detail.body.slaDueAt).toBe(detail.body.slaTimers[0].dueAt);

    await http(desk.url, 'POST', `/api/conversations/${id}/messages`, { token: s.agentToken, body: { body: '好的' } });
    await signedInbound(desk.url, s.channel, inboundBody('四', 'buyer-3'));
    const after = (await http(desk.url, 'GET', `/api/conversations/${id}`, { token: s.agentToken })).body.slaTimers;
    expect(after.map((t: { kind: string; status: string }) => `${t.kind}:${t.status}`)).toEqual(['first_response:met', 'next_response:running']);
  });

  it('counts business hours in the store timezone: a closed store starts the clock at its next opening', async () => {
    const zone = 'Asia/Shanghai';
    const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).startOf('day');
    const s = await storeWithAgent(desk.url, admin, 'Hours', {
      timezone: zone,
      businessHours: [{ weekday: tomorrow.weekday, open: '09:00', close: '18:00' }],
      slaPolicy: { firstResponseSeconds: 900, warnBeforeSeconds: 300 },
    });
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('nobody is here'));
    const [timer] = await timersOf(inbound.body.conversationId);
    expect(timer.due_at.toISOString()).toBe(tomorrow.set({ hour: 9, minute: 15 }).toJSDate().toISOString());
    expect(timer.warn_at.toISOString()).toBe(tomorrow.set({ hour: 9, minute: 10 }).toJSDate().toISOString());

    // Open only on one weekday: a message today waits across the closed days to that day's opening.
    const monday = DateTime.now().setZone('Europe/Berlin').plus({ days: 1 }).startOf('day');
    const nextMonday = monday.plus({ days: (8 - monday.weekday) % 7 });
    const weekly = await storeWithAgent(desk.url, admin, 'Weekly', {
      timezone: 'Europe/Berlin',
      businessHours: [{ weekday: 1, open: '10:00', close: '11:00' }],
      slaPolicy: { firstResponseSeconds: 5400 }, // 90 min: 60 on one Monday, 30 on the next
    });
    const w = await signedInbound(desk.url, weekly.channel, inboundBody('weekend question'));
    const [wt] = await timersOf(w.body.conversationId);
    expect(wt.due_at.toISOString()).toBe(nextMonday.plus({ weeks: 1 }).set({ hour: 10, minute: 30 }).toJSDate().toISOString());
  });

  it('loses no breach and invents none when Redis is flushed while 50 timers run', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Flush', fastSla(3, 1));
    const sup = await deskSocket(desk.url, supervisor);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) ids.push((await signedInbound(desk.url, s.channel, inboundBody(`flush ${i}`, `buyer-flush-${i}`))).body.conversationId);
      expect(new Set(ids).size).toBe(50);
      expect(await flushRunRedis()).toBeGreaterThan(0); // the alarms are gone
      const breachedOf = () => sup.events.filter((e) => e.name === 'sla.breached' && e.payload.storeId === s.store.id);
      await waitFor(() => breachedOf().length >= 50 || undefined, 8000, '50 breaches');
      await desk.worker!.get(SlaReconciler).runOnce(); // another pass invents none
      await drainQueues(desk.worker!);
      expect(breachedOf()).toHaveLength(50);
      expect(new Set(breachedOf().map((e) => e.payload.conversationId))).toEqual(new Set(ids));
      const rows = await desk.db.query(`SELECT status, breached_at, due_at FROM sla_timers WHERE store_id = $1`, [s.store.id]);
      expect(rows).toHaveLength(50);
      for (const r of rows) {
        expect(r.status).toBe('breached');
        // Re-armed by the reconciler (every second here): late by at most one interval, plus slack.
        expect(r.breached_at.getTime() - r.due_at.getTime()).toBeLessThan(2500);
      }
    } finally {
      sup.socket.close();
    }
  });

  it('records each breach once when a worker is killed and two restart at once', async () => {
    // The in-process worker stops; a real worker process takes over and is killed with SIGKILL.
    await desk.worker!.close();
    desk.worker = null;
    const env = { SLA_RECONCILE_MS: '500' };
    const doomed = spawnWorker(env);
    const s = await storeWithAgent(desk.url, admin, 'Crash', fastSla(2, 1));
    const sup = await deskSocket(desk.url, supervisor);
    const restarted = [] as ReturnType<typeof spawnWorker>[];
    try {
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push((await signedInbound(desk.url, s.channel, inboundBody(`crash ${i}`, `buyer-crash-${i}`))).body.conversationId);
      doomed.kill('SIGKILL');
      await sleep(3000); // the scenario: every timer falls overdue, with no worker
      expect((await desk.db.query(`SELECT count(*)::int n FROM sla_timers WHERE store_id = $1 AND status = 'breached'`, [s.store.id]))[0].n).toBe(0);
      restarted.push(spawnWorker(env), spawnWorker(env));
      const breachedOf = () => sup.events.filter((e) => e.name === 'sla.breached' && e.payload.storeId === s.store.id);
      await waitFor(() => breachedOf().length >= 10 || undefined, 15000, '10 breaches');
      await drainQueues(desk.api); // what the two workers still had to do (their reconcile passes included) is done
      expect(breachedOf()).toHaveLength(10);
      expect(new Set(breachedOf().map((e) => e.payload.id)).size).toBe(10);
    } finally {
      sup.socket.close();
      for (const w of restarted) w.kill('SIGTERM');
    }
  });

  it('posts each breach to the store outgoing webhook, retrying until it answers 2xx: ids, times and a link, no personal data', async () => {
    const received: { body: any; attempt: number }[] = [];
    let attempts = 0;
    const hook = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        attempts += 1;
        if (attempts === 1) return void res.writeHead(503).end();
        received.push({ body: JSON.parse(raw), attempt: attempts });
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    // The desk refuses internal addresses; `localhost` is allow-listed (OUTBOUND_ALLOW) as an on-premise bot would be.
    const url = `http://localhost:${(hook.address() as AddressInfo).port}/bot`;
    const worker = spawnWorker({ SLA_RECONCILE_MS: '500', OUTBOUND_ALLOW: 'localhost', PUBLIC_URL: 'https://desk.example.com' });
    try {
      await waitForWorkers(desk.api, 1); // booted: the breach is not waiting on a process start
      const s = await storeWithAgent(desk.url, admin, 'Hook', fastSla(1, 1, { slaEscalation: { webhookUrl: url } }));
      const inbound = await signedInbound(desk.url, s.channel, inboundBody('my phone is 13812345678, anyone?', 'buyer-hook'));
      const alert = await waitFor(() => received[0], 15000, 'webhook alert');
      expect(alert.attempt).toBe(2);
      const [timer] = await timersOf(inbound.body.conversationId);
      const link = `https://desk.example.com/#/c/${inbound.body.conversationId}`;
      expect(alert.body).toEqual({
        msgtype: 'text',
        text: { content: expect.stringContaining(link) },
        msg_type: 'text',
        content: { text: alert.body.text.content },
        event: 'sla.breached',
        timerId: timer.id,
        kind: 'first_response',
        storeId: s.store.id,
        storeName: s.store.name,
        conversationId: inbound.body.conversationId,
        assigneeId: timer.breach_assignee_id,
        targetSeconds: 1,
        startedAt: timer.started_at.toISOString(),
        dueAt: timer.due_at.toISOString(),
        breachedAt: timer.breached_at.toISOString(),
        link,
      });
      // It leaves the desk: neither the customer's name nor their words, nor the agent's name.
      const sent = JSON.stringify(alert.body);
      for (const personal of ['测试买家', 'buyer-hook', '13812345678', 'anyone', s.agent.name]) expect(sent).not.toContain(personal);
    } finally {
      worker.kill('SIGTERM');
      hook.close();
    }
  });

  it('serves the board and the figures to supervisors, scoped, and not to agents', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Figures', fastSla(600, 60));
    const a = await signedInbound(desk.url, s.channel, inboundBody('a', 'buyer-fig-a'));
    await signedInbound(desk.url, s.channel, inboundBody('b', 'buyer-fig-b'));
    await http(desk.url, 'POST', `/api/conversations/${a.body.conversationId}/messages`, { token: s.agentToken, body: { body: 'hi' } });

    const running = await http(desk.url, 'GET', `/api/sla/timers?status=running&storeId=${s.store.id}`, { token: supervisor });
    expect(running.status).toBe(200);
    expect(running.body.items).toHaveLength(1);
    expect(running.body.items[0]).toMatchObject({ customerName: '测试买家', storeId: s.store.id, status: 'running' });

    const summary = await http(desk.url, 'GET', `/api/sla/summary?storeId=${s.store.id}`, { token: supervisor });
    expect(summary.status).toBe(200);
    expect(summary.body.overall).toMatchObject({ timers: 2, met: 1, running: 1, breached: 0, breachRate: 0 });
    expect(summary.body.overall.firstResponseP50).toBeGreaterThanOrEqual(0);
    expect(summary.body.byStore).toEqual([expect.objectContaining({ storeId: s.store.id, timers: 2 })]);
    expect(summary.body.byAgent).toEqual([expect.objectContaining({ agentId: s.agent.id, met: 1, openConversations: 1 })]);

    expect((await http(desk.url, 'GET', '/api/sla/timers', { token: s.agentToken })).status).toBe(403);
    expect((await http(desk.url, 'GET', '/api/sla/summary?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', { token: supervisor })).status).toBe(400);
  });

  it('pauses a resolution clock, keeping the business time used, and resumes it from there', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Pause', { businessHours: null });
    const timers = desk.api.get(SlaTimerService);
    const started = new Date(Date.now() - 3600_000); // an hour ago
    const timer = await desk.db.getRepository(SlaTimerEntity).save({
      storeId: s.store.id,
      ticketId: randomUUID(),
      conversationId: null,
      kind: 'resolution',
      status: 'running',
      startedAt: started,
      countingSince: started,
      targetSeconds: 48 * 3600,
      warnBeforeSeconds: 3600,
      dueAt: new Date(started.getTime() + 48 * 3600_000),
      warnAt: new Date(started.getTime() + 47 * 3600_000),
    } as SlaTimerEntity);
    const paused = await desk.db.transaction((m) => timers.pause(m, timer.id, new Date()));
    expect(paused).toMatchObject({ status: 'paused', dueAt: null });
    expect(Math.abs(paused!.elapsedBeforeResume - 3600)).toBeLessThanOrEqual(1);
    expect(await desk.db.transaction((m) => timers.pause(m, timer.id, new Date()))).toBeNull(); // already paused

    const resumeAt = new Date(Date.now() + 2 * 3600_000); // two hours waiting on the customer
    const resumed = await desk.db.transaction((m) => timers.resume(m, timer.id, resumeAt));
    expect(resumed!.status).toBe('running');
    // 47 business hours were left: due 47 h after the resume, not 48 h after the start.
    expect(Math.abs(resumed!.dueAt!.getTime() - (resumeAt.getTime() + 47 * 3600_000))).toBeLessThanOrEqual(1000);
  });
});
