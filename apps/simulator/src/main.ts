// Customer simulator: `node apps/simulator/dist/main.js --rate 6 --duration 0 --url http://127.0.0.1:3000`
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { loadChannels } from './channels.js';
import { CustomerSimulator } from './simulator.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.DESK_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}` },
    rate: { type: 'string', default: '4' },
    duration: { type: 'string', default: '0' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kefu' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    'redis-prefix': { type: 'string', default: process.env.REDIS_PREFIX ?? 'kefu' },
    quiet: { type: 'boolean', default: false },
  },
});

const rate = Number(values.rate);
const duration = Number(values.duration);
if (!(rate > 0) || !(duration >= 0)) {
  console.error('simulator: --rate must be > 0 messages per minute and --duration >= 0 seconds (0 = until stopped)');
  process.exit(2);
}

const channels = await loadChannels(values['database-url']!);
const sim = new CustomerSimulator({
  baseUrl: values.url!,
  channels,
  rate,
  duration,
  log: values.quiet ? undefined : (line) => console.log(`simulator: ${line}`),
});
// The simulated platform hands the desk's replies to our customers here; some answer a rating question.
const outbox = new Redis(values['redis-url']!, { lazyConnect: true, maxRetriesPerRequest: 1 });
await outbox
  .connect()
  .then(() => outbox.subscribe(`${values['redis-prefix']}:sim:outbox`))
  .catch((err: Error) => console.warn(`simulator: not listening for the desk's replies (${err.message})`));
outbox.on('message', (_channel, raw: string) => sim.answer(JSON.parse(raw)));
const stop = () => {
  sim.stop();
  outbox.disconnect();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
console.log(`simulator: ${channels.length} channels, ${rate} messages/min, ${duration ? `${duration}s` : 'until stopped'} → ${values.url}`);
const results = await sim.run();
const ok = results.filter((r) => r.status < 300);
const ms = ok.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1) : '-');
console.log(`simulator: sent ${results.length}, accepted ${ok.length}, webhook p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`);
outbox.disconnect();
