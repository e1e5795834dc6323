// A production-mode desk on a database of its own, empty but for its first admin (KEFU_ADMIN_EMAIL): what a new
// agency starts from. Its database and Redis keys are the run's, with a suffix; both go when it closes.
import pg from 'pg';
import { migrate } from '../../apps/server/src/database/migrate.js';
import { startDesk, type Desk } from './desk.js';

export const FIRST_ADMIN = { email: 'first-admin@agency.test', password: 'first-admin-pass' };

export async function startEmptyProductionDesk(opts: { console?: boolean; worker?: boolean } = {}): Promise<Desk & { dropDatabase(): Promise<void> }> {
  const url = new URL(process.env.DATABASE_URL!);
  const name = `${url.pathname.slice(1)}_empty`;
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const desk = await startDesk({
    ...opts,
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      // Under the run's prefix: the global teardown removes these keys with the run's.
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}:empty`,
      JWT_SECRET: 'an-empty-desk-production-secret-of-40-chars',
      KEFU_ADMIN_EMAIL: FIRST_ADMIN.email,
      KEFU_ADMIN_PASSWORD: FIRST_ADMIN.password,
    },
  });
  return {
    ...desk,
    async dropDatabase() {
      const admin = new URL(process.env.DATABASE_URL!);
      admin.pathname = '/postgres';
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
