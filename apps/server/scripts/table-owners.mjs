#!/usr/bin/env node
// One owner per table: lists the files that write each owned table (SQL INSERT/UPDATE/DELETE, or a
// TypeORM repository/query-builder write on its entity) and fails when one lies outside the owner's
// folder. Run by `npm run lint` (nx run @kefu/server:lint); `node scripts/table-owners.mjs --list` prints all.
// Not checked: migrations (schema) and the demo seed (bulk-writes a demo database before the desk runs).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const OWNERS = [
  { table: 'conversations', entity: 'ConversationEntity', owner: 'conversation/' },
  { table: 'messages', entity: 'MessageEntity', owner: 'conversation/' },
  { table: 'tickets', entity: 'TicketEntity', owner: 'ticket/' },
  { table: 'ticket_events', entity: 'TicketEventEntity', owner: 'ticket/' },
  { table: 'supplier_cases', entity: 'SupplierCaseEntity', owner: 'ticket/' },
  { table: 'sla_timers', entity: 'SlaTimerEntity', owner: 'sla/' },
];
const NOT_CHECKED = /^(database\/migrations|seed)\//;
const WRITE = '(?:save|insert|update|upsert|delete|remove|softDelete|increment|decrement)';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : []));

/** Whether `code` writes the table, by SQL or through TypeORM. */
function writes(code, { table, entity }) {
  if (new RegExp(`\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+"?${table}"?\\b`, 'i').test(code)) return true;
  if (new RegExp(`getRepository\\(\\s*${entity}\\s*\\)\\s*\\.\\s*${WRITE}\\s*\\(`).test(code)) return true;
  if (new RegExp(`\\.(into|update)\\(\\s*${entity}\\s*[,)]`).test(code) || new RegExp(`\\.from\\(\\s*${entity}\\s*[,)]`).test(code) && /\.delete\(\s*\)/.test(code)) return true;
  // Repositories held in a variable or injected: `const repo = m.getRepository(X)`, `@InjectRepository(X) private readonly repo`.
  const names = [
    ...[...code.matchAll(new RegExp(`(\\w+)\\s*=\\s*[\\w.]*getRepository\\(\\s*${entity}\\s*\\)`, 'g'))].map((x) => x[1]),
    ...[...code.matchAll(new RegExp(`@InjectRepository\\(\\s*${entity}\\s*\\)\\s*(?:(?:private|protected|public|readonly)\\s+)*(\\w+)`, 'g'))].map((x) => x[1]),
  ];
  return names.some((n) => new RegExp(`\\b${n}\\s*\\.\\s*${WRITE}\\s*\\(`).test(code));
}

const list = process.argv.includes('--list');
let bad = 0;
const all = files(src).map((f) => ({ path: relative(src, f), code: readFileSync(f, 'utf8') }));
for (const rule of OWNERS) {
  const writers = all.filter((f) => !NOT_CHECKED.test(f.path) && writes(f.code, rule)).map((f) => f.path);
  const outside = writers.filter((p) => !p.startsWith(rule.owner));
  bad += outside.length;
  if (list) console.log(`${rule.table} (owner ${rule.owner}): written by ${writers.length} file(s)${writers.length ? `\n  ${writers.join('\n  ')}` : ''}`);
  for (const p of outside) console.error(`error table-owner: src/${p} writes ${rule.table}, owned by src/${rule.owner}`);
}
if (bad) {
  console.error(`\n${bad} write(s) outside their table's owner: go through the owner's service instead.`);
  process.exit(1);
}
if (!list) console.log(`table owners: ${OWNERS.map((o) => o.table).join(', ')} written only by their owners`);
