// PostgreSQL shutting down can send its FATAL ("terminating connection due to administrator
// command") in the same packet as "ready for query". pg-pool hands that connection over before
// TypeORM listens for its errors: with no listener the error was thrown and killed the process
// (seen when PostgreSQL was stopped under traffic). A fake server sends exactly that.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';

const message = (type: string, body: Buffer) => {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const fields = (f: Record<string, string>) => Buffer.concat([...Object.entries(f).map(([k, v]) => Buffer.from(`${k}${v}\0`)), Buffer.from('\0')]);

/** Accepts any startup, then says "authenticated, ready" and "terminating" in one write. */
function shuttingDownServer() {
  const server = createServer((socket: Socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => {
      socket.write(
        Buffer.concat([
          message('R', int32(0)),
          message('Z', Buffer.from('I')),
          message('E', fields({ S: 'FATAL', V: 'FATAL', C: '57P01', M: 'terminating connection due to administrator command' })),
        ]),
      );
      setTimeout(() => socket.destroy(), 50);
    });
  });
  return new Promise<{ port: number; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as { port: number }).port, close: () => server.close() })),
  );
}

describe('a PostgreSQL connection lost as it is handed over', () => {
  it('is an error for the caller, not an uncaught exception', async () => {
    const fake = await shuttingDownServer();
    const dataSource = join(import.meta.dirname, '../../apps/server/dist/database/data-source.js');
    const script = `
      import { DataSource } from 'typeorm';
      import { dataSourceOptions } from ${JSON.stringify(dataSource)};
      process.on('uncaughtException', (err) => { console.log('uncaught: ' + err.message); process.exit(3); });
      const db = new DataSource(dataSourceOptions('postgres://postgres@127.0.0.1:${fake.port}/kefu'));
      await db.initialize().then(() => console.log('initialized'), (err) => console.log('refused: ' + err.message));
      setTimeout(() => process.exit(0), 300);`;
    // Asynchronously: this process serves the fake server meanwhile.
    const child = await new Promise<{ status: number | null; out: string }>((resolve) => {
      const c = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: join(import.meta.dirname, '../..') });
      let out = '';
      c.stdout.on('data', (b: Buffer) => (out += b));
      c.stderr.on('data', (b: Buffer) => (out += b));
      c.on('exit', (status: number | null) => resolve({ status, out }));
    });
    fake.close();
    expect(child.out).not.toContain('uncaught');
    expect(child.out).toContain('refused');
    expect(child.status).toBe(0);
  });
});
