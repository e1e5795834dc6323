import pg from 'pg';
import type { SimChannel } from './simulator.js';

/** The simulated platform's side of each channel: its id and webhook secret, read from the desk's database. */
export async function loadChannels(databaseUrl: string): Promise<SimChannel[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<SimChannel>(
      `SELECT c.id, c.secret, s.name AS "storeName" FROM channels c JOIN stores s ON s.id = c.store_id ORDER BY s.name, c.name`,
    );
    return rows;
  } finally {
    await client.end();
  }
}
