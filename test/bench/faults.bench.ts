// Dependency outages under traffic, measured from outside (issue 14): a private PostgreSQL and
// Redis, the api and the worker as OS processes, signed messages at a steady rate.
//   Redis killed for 10 s at 10 messages/s; PostgreSQL stopped for 12 s at 20 messages/s.
// Prints, for each: whether each process survived, messages acknowledged / stored / lost, the
// status codes during and after the outage, how long until every message is acknowledged again,
// and whether the worker then stops on SIGTERM. Run: npm run bench:faults
import { afterEach, describe, expect, it } from '@jest/globals';
import { io } from 'socket.io-client';
import { rigStore, sleep, startRig, tally, Traffic, type Rig } from '../support/fault-rig.js';

const OUTAGE_REDIS_S = Number(process.env.BENCH_REDIS_OUTAGE_S ?? 10);
const OUTAGE_PG_S = Number(process.env.BENCH_PG_OUTAGE_S ?? 12);

async function measure(rig: Rig, rate: number, outageS: number, takeAway: () => Promise<void> | void, giveBack: () => Promise<void> | void) {
  const api = rig.spawn('api', 'main.js');
  const worker = rig.spawn('worker', 'worker.js');
  const spare = rig.spawn('spare worker', 'worker.js'); // stopped with SIGTERM during the outage
  await rig.waitHealthy();
  const { channel, agentToken } = await rigStore(rig.url);
  // The store's agent is online in a console that reconnects as the real one does.
  const consoleSocket = io(`${rig.url}/desk`, { auth: { token: agentToken }, transports: ['websocket'], reconnectionDelay: 500, reconnectionDelayMax: 5000 });
  const live: { event: string; at: number }[] = [];
  consoleSocket.onAny((event) => live.push({ event, at: traffic.now() }));
  consoleSocket.on('connect', () => live.push({ event: 'connect', at: traffic.now() }));
  consoleSocket.on('disconnect', (reason) => live.push({ event: `disconnect (${reason})`, at: traffic.now() }));
  const exits: string[] = [];
  for (const p of [api, worker, spare]) void p.exited.then((e) => exits.push(`${p.name} exited (code ${e.code}, signal ${e.signal}) at ${Math.round(traffic.now())} ms`));
  const traffic = new Traffic(rig.url, channel, rate, rate * 3);
  traffic.start();
  await sleep(5000);
  const from = traffic.now();
  await takeAway();
  await sleep(Math.min(5000, (outageS * 1000) / 2));
  const sigtermAt = traffic.now();
  spare.child.kill('SIGTERM');
  const spareStopped = spare.exited.then(() => Math.round(traffic.now() - sigtermAt));
  await sleep(outageS * 1000 - Math.min(5000, (outageS * 1000) / 2));
  await giveBack();
  const to = traffic.now();
  await sleep(15_000);
  const sent = await traffic.stop();
  consoleSocket.close();
  const spareSigterm = await Promise.race([spareStopped.then((ms) => `exited ${ms} ms after SIGTERM`), sleep(0).then(() => 'still running')]);
  const liveAfter = live.filter((e) => e.at > to && e.event === 'message.created').length;
  const consoleEvents = live.filter((e) => !e.event.includes('.')).map((e) => `${e.event} at ${Math.round(e.at)} ms`);
  const figures = await tally(rig, sent, { from, to });
  const alive = { api: api.child.exitCode === null && api.child.signalCode === null, worker: worker.child.exitCode === null && worker.child.signalCode === null };
  let workerSigterm = 'not running';
  if (alive.worker) {
    // (the spare worker's answer to SIGTERM during the outage is spareSigterm)
    const t = performance.now();
    worker.child.kill('SIGTERM');
    const stopped = await Promise.race([worker.exited.then(() => true), sleep(15_000).then(() => false)]);
    workerSigterm = stopped ? `exited ${Math.round(performance.now() - t)} ms after SIGTERM` : 'still running 15 s after SIGTERM';
  }
  return { rate, outageS, outageMs: [Math.round(from), Math.round(to)], alive, exits, spareSigterm, workerSigterm, liveMessagesAfter: liveAfter, consoleEvents, ...figures, lost: figures.lost.length, output: { api: api.output().slice(-1500), worker: worker.output().slice(-1500) } };
}

describe('dependency outages under traffic', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it(`Redis killed for ${OUTAGE_REDIS_S} s at 10 messages/s`, async () => {
    rig = await startRig();
    const r = await measure(rig, 10, OUTAGE_REDIS_S, () => rig!.redis.stop(), () => rig!.redis.start());
    console.log(`Redis outage\n${JSON.stringify(r, null, 2)}`);
    expect(r.sent).toBeGreaterThan(0);
  });

  it(`PostgreSQL stopped for ${OUTAGE_PG_S} s at 20 messages/s`, async () => {
    rig = await startRig();
    const r = await measure(rig, 20, OUTAGE_PG_S, () => rig!.pg.stop('fast'), () => rig!.pg.start());
    console.log(`PostgreSQL outage\n${JSON.stringify(r, null, 2)}`);
    expect(r.sent).toBeGreaterThan(0);
  });
});
