// Two api and two worker processes on one database and Redis (as `docker compose up --scale api=2
// --scale worker=2`, or npm start's API_PROCESSES): a console on one api hears what was posted to the
// other, routing stays exact across both, each SLA breach is recorded once; and bin/api-cluster.mjs
// serves one port from two processes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startDesk, spawnServer, type Desk } from '../support/desk.js';
import { deskSocket, http, inboundBody, login, signedInbound, waitFor } from '../support/client.js';
import { freePort } from '../support/private-services.js';

/**
 * Posts as a platform does: a 503 (the desk sheds load, as a process just started may for its first
 * requests while it warms up) is sent again after its Retry-After; the last answer is returned.
 */
async function asPlatform(url: string, channel: { id: string; secret: string }, body: Record<string, unknown>) {
  for (let attempt = 1; ; attempt++) {
    const answer = await signedInbound(url, channel, body);
    if (answer.status !== 503 || attempt === 5) return answer;
    await new Promise((r) => setTimeout(r, Number(answer.headers.get('retry-after') ?? 1) * 1000));
  }
}

const exited = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));

async function healthy(url: string, ms = 60_000) {
  await waitFor(() => fetch(`${url}/health`).then((r) => r.ok, () => false), ms, `${url} healthy`);
}

describe('several api and worker processes', () => {
  let desk: Desk; // api 1 and worker 1, in this process
  let api2: ChildProcess;
  let worker2: ChildProcess;
  let url2: string;
  let admin: string;

  beforeAll(async () => {
    desk = await startDesk();
    const port = await freePort();
    url2 = `http://127.0.0.1:${port}`;
    api2 = spawnServer('main.js', { PORT: String(port), CONSOLE_DIST: '', DEMO_HISTORY: 'false' });
    worker2 = spawnServer('worker.js', { DEMO_HISTORY: 'false' });
    await healthy(url2);
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(async () => {
    for (const p of [api2, worker2]) p.kill('SIGTERM');
    await Promise.all([exited(api2), exited(worker2)]);
    await desk.close();
  });

  it('shows a message posted to api 2 on a console of api 1, routes exactly across both, and records each breach once', async () => {
    const store = (await http(desk.url, 'POST', '/api/stores', { token: admin, body: { name: '双进程店', platform: 'jd', businessHours: null, slaPolicy: { firstResponseSeconds: 3, nextResponseSeconds: 3, warnBeforeSeconds: 1 } } })).body;
    const channel = (await http(desk.url, 'POST', `/api/stores/${store.id}/channels`, { token: admin, body: { kind: 'marketplace_chat', name: 'chat' } })).body;
    const agents = [];
    for (const i of [1, 2]) {
      const email = `mp-${i}-${store.id.slice(0, 6)}@example.test`;
      const user = (await http(desk.url, 'POST', '/api/users', { token: admin, body: { email, name: `双进程坐席${i}`, password: 'agent-pass-1', role: 'agent', storeIds: [store.id], languages: ['zh'], maxConcurrent: 2 } })).body;
      agents.push({ user, token: await login(desk.url, email, 'agent-pass-1') });
    }
    // Agent 1's console on api 1, agent 2's on api 2; the supervisor watches from api 1.
    const c1 = await deskSocket(desk.url, agents[0].token);
    const c2 = await deskSocket(url2, agents[1].token);
    const lead = await deskSocket(desk.url, await login(desk.url, 'supervisor@demo.kefu'));
    try {
      await waitFor(async () => {
        const presence = (await http(desk.url, 'GET', `/api/presence?storeId=${store.id}`, { token: admin })).body.items as { id: string; presence: string }[];
        return agents.every((a) => presence.find((p) => p.id === a.user.id)?.presence === 'online');
      }, 10_000, 'both agents online');

      const bodies = [0, 1, 2, 3, 4, 5].map((i) => inboundBody(`两个进程 ${i}`, `mp-buyer-${i}`));
      const answers = await Promise.all(bodies.map((b) => asPlatform(url2, channel, b)));
      expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 202));

      // Every message reaches the supervisor's console on api 1, once.
      const seen = () => lead.events.filter((e) => e.name === 'message.created' && e.payload.storeId === store.id);
      await waitFor(() => seen().length >= bodies.length, 10_000, 'message.created on api 1');
      expect(seen().map((e) => e.payload.externalId).sort()).toEqual(bodies.map((b) => b.externalMessageId).sort());

      // Routing across both apis and workers: four chats for two agents of capacity two, two waiting.
      const load = async () =>
        (await desk.db.query(`SELECT assignee_id, count(*)::int n FROM conversations WHERE store_id = $1 AND assignee_id IS NOT NULL AND status = 'open' GROUP BY assignee_id`, [store.id])) as { assignee_id: string; n: number }[];
      await waitFor(async () => (await load()).reduce((s, r) => s + r.n, 0) === 4, 10_000, 'four assigned');
      expect((await load()).map((r) => r.n)).toEqual([2, 2]);
      // Each agent's console heard of its own chats, whichever api it is on.
      const assignedTo = (c: typeof c1, id: string) => c.events.some((e) => e.name.startsWith('conversation.') && e.payload.assigneeId === id);
      expect(assignedTo(c1, agents[0].user.id)).toBe(true);
      expect(assignedTo(c2, agents[1].user.id)).toBe(true);

      // Nobody answers: six first-response timers breach, each recorded and announced once.
      const breached = async () => (await desk.db.query(`SELECT count(*)::int n FROM sla_timers t JOIN conversations c ON c.id = t.conversation_id WHERE c.store_id = $1 AND t.breached_at IS NOT NULL`, [store.id]))[0].n as number;
      await waitFor(async () => (await breached()) === 6, 20_000, 'six breaches');
      await waitFor(() => lead.events.filter((e) => e.name === 'sla.breached' && e.payload.storeId === store.id).length >= 6, 5000, 'six sla.breached');
      // Both workers had the chance to fire each alarm; a second announcement would come right after the first.
      await new Promise((r) => setTimeout(r, 1000)); // the scenario: time for a duplicate to show
      const perTimer = new Map<string, number>();
      for (const e of lead.events.filter((e) => e.name === 'sla.breached' && e.payload.storeId === store.id)) perTimer.set(e.payload.id, (perTimer.get(e.payload.id) ?? 0) + 1);
      expect([...perTimer.values()]).toEqual([1, 1, 1, 1, 1, 1]);
      expect(await breached()).toBe(6);
    } finally {
      for (const c of [c1, c2, lead]) c.socket.close();
    }
  });

  it('serves one port from two api processes (bin/api-cluster.mjs), live events included', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const cluster = spawn(process.execPath, [join(import.meta.dirname, '../../apps/server/bin/api-cluster.mjs')], {
      env: { ...process.env, PORT: String(port), API_PROCESSES: '2', CONSOLE_DIST: '', DEMO_HISTORY: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    cluster.stdout!.on('data', (b: Buffer) => void (out += b.toString()));
    try {
      await healthy(url);
      await waitFor(() => (out.match(/listening on/g) ?? []).length === 2, 60_000, 'two api processes listening');
      const store = (await http(url, 'POST', '/api/stores', { token: admin, body: { name: '集群店', platform: 'taobao', businessHours: null } })).body;
      const channel = (await http(url, 'POST', `/api/stores/${store.id}/channels`, { token: admin, body: { kind: 'marketplace_chat', name: 'chat' } })).body;
      // Several consoles through the one port land on both processes; each hears the message.
      const consoles = await Promise.all([0, 1, 2, 3].map(async () => deskSocket(url, await login(url, 'supervisor@demo.kefu'))));
      try {
        const body = inboundBody('集群里的一条消息', 'cluster-buyer');
        expect((await asPlatform(url, channel, body)).status).toBe(202);
        const heard = (c: (typeof consoles)[number]) => c.events.some((e) => e.name === 'message.created' && e.payload.externalId === body.externalMessageId);
        await waitFor(() => consoles.every(heard), 10_000, 'message.created on every console').catch((err: Error) => {
          // What each console saw and what the processes logged, to tell a lost event from a dropped socket.
          const seen = consoles.map((c, i) => `console ${i}: ${heard(c) ? 'heard it' : 'missed it'}, connected ${c.socket.connected}, events ${c.events.map((e) => (e.name === '(disconnect)' ? `(disconnect: ${e.payload})` : e.name)).join(' ') || 'none'}`);
          throw new Error(`${err.message}\n${seen.join('\n')}\ncluster output:\n${out.slice(-4000)}`);
        });
      } finally {
        for (const c of consoles) c.socket.close();
      }
    } finally {
      cluster.kill('SIGTERM');
      await exited(cluster);
    }
    expect(cluster.exitCode).toBe(0);
  });
});
