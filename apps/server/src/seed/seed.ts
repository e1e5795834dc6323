import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_RETURN_POLICY, DEFAULT_SLA_POLICY, DEFAULT_TIMEZONE } from '@kefu/contracts';
import { hashPassword } from '../session/password.util.js';
import { ChannelEntity } from '../channel/channel.entity.js';
import type { AppConfig } from '../config/config.js';
import { StoreEntity } from '../store/store.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { DEMO_PASSWORD, DEMO_STORES, DEMO_USERS } from './demo-data.js';
import { seedKnowledgeBase } from './demo-kb.js';
import { seedHistory } from './demo-history.js';
import { seedGuardDefaults } from '../guard/guard-defaults.js';
import { seedGuardDemo } from '../guard/guard-demo.js';

/**
 * On a database without users: the demo seed, or in production only the first admin from
 * KEFU_ADMIN_EMAIL / KEFU_ADMIN_PASSWORD. Returns what it did, for the start log.
 */
export async function seedIfEmpty(db: DataSource, config: AppConfig): Promise<string> {
  if ((await db.getRepository(UserEntity).count()) > 0) return 'database has users; no seed';
  if (config.env === 'production') {
    if (!config.adminEmail || !config.adminPassword) throw new Error('an empty production database needs KEFU_ADMIN_EMAIL and KEFU_ADMIN_PASSWORD');
    await db.getRepository(UserEntity).save({
      email: config.adminEmail.toLowerCase(),
      name: 'Admin',
      role: 'admin',
      passwordHash: await hashPassword(config.adminPassword),
      storeIds: [],
      languages: ['zh', 'en'],
    });
    await seedGuardDefaults(db.manager);
    return `created the first admin ${config.adminEmail}`;
  }
  await seedDemo(db, { history: config.demoHistory });
  return `seeded demo data${config.demoHistory ? ' with eight weeks of history' : ''}: ${DEMO_USERS.map((u) => u.email).join(', ')} (password ${DEMO_PASSWORD})`;
}

export async function seedDemo(db: DataSource, opts: { history: boolean }): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (m) => {
    const storeIds = new Map<string, string>();
    for (const s of DEMO_STORES) {
      const store = await m.getRepository(StoreEntity).save({
        name: s.name,
        platform: s.platform,
        timezone: DEFAULT_TIMEZONE,
        businessHours: DEFAULT_BUSINESS_HOURS,
        slaPolicy: DEFAULT_SLA_POLICY,
        returnPolicy: DEFAULT_RETURN_POLICY,
      });
      storeIds.set(s.key, store.id);
      for (const c of s.channels) await m.getRepository(ChannelEntity).save({ storeId: store.id, ...c, secret: randomBytes(32).toString('base64url') });
    }
    await seedKnowledgeBase(m, storeIds);
    const agentsOf = new Map<string, string[]>();
    for (const u of DEMO_USERS) {
      const user = await m.getRepository(UserEntity).save({
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash,
        storeIds: u.stores.map((k) => storeIds.get(k)!),
        languages: u.languages,
        maxConcurrent: u.maxConcurrent,
      });
      if (u.role === 'agent') for (const k of u.stores) agentsOf.set(k, [...(agentsOf.get(k) ?? []), user.id]);
    }
    await seedGuardDefaults(m);
    await seedGuardDemo(m, storeIds);
    if (opts.history) await seedHistory(m, storeIds, agentsOf);
  });
}
