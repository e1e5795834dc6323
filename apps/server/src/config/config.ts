// The one place that reads process.env: validated once at start.
import { z } from 'zod';
import { OutboundPolicy } from '../outbound/outbound-policy.js';

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/kefu'),
    REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
    /** Prefix of every Redis key (BullMQ and socket.io), so test runs and desks can share a Redis. */
    REDIS_PREFIX: z.string().regex(/^[\w:-]+$/).default('kefu'),
    /** Without it the first start generates one and keeps it in PostgreSQL (`auth_secrets`). */
    JWT_SECRET: z
      .string()
      .refine((s) => Buffer.byteLength(s) >= 32, 'must be at least 32 bytes')
      .optional(),
    /** The key sealing buyers' personal data (32 bytes, base64 or hex); never in the database. Without it one is generated into apps/server/.pii-key (production warns: set it, or sealed data dies with that file). */
    PII_KEY: z
      .string()
      .refine((s) => /^[0-9a-f]{64}$/i.test(s) || Buffer.from(s, 'base64').length === 32, 'must be 32 bytes, as 64 hex digits or base64')
      .optional(),
    /** Reveals of personal data one agent or supervisor may make a day. */
    PII_REVEALS_PER_DAY: z.coerce.number().int().min(0).max(10_000).default(20),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** Requests a minute one user may make to the API (a fixed window: bursts up to it are fine). */
    RATE_LIMIT_PER_USER: z.coerce.number().int().min(1).default(1200),
    /** Webhook requests a second one channel may send (inbound messages and orders, each). */
    RATE_LIMIT_PER_CHANNEL: z.coerce.number().int().min(1).default(500),
    /** Failed logins allowed per account and per address within LOGIN_FAILURE_WINDOW_SECONDS. */
    LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    /** A rate-limit check that Redis has not answered by then lets the request through. */
    THROTTLE_TIMEOUT_MS: z.coerce.number().int().min(1).max(5000).default(100),
    /** Webhook requests one api process works on at once; past it (or past INGEST_MAX_WAIT_MS) it answers 503. */
    INGEST_MAX_INFLIGHT: z.coerce.number().int().min(1).max(100_000).default(200),
    /** How long the oldest webhook request in work may have waited before new ones are shed (503). */
    INGEST_MAX_WAIT_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
    /** Folder of the built console served at `/`; empty disables it. */
    CONSOLE_DIST: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    DELIVERY_BACKOFF_MS: z.coerce.number().int().min(1).default(2000),
    /** How often the worker re-checks running SLA timers against their BullMQ alarms. */
    SLA_RECONCILE_MS: z.coerce.number().int().min(100).default(60_000),
    /** A console that disconnects counts as offline after this (a page reload keeps the agent online). */
    PRESENCE_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
    /** An offline agent keeps their open chats this long; then they return to the queue. */
    REBALANCE_AFTER_MS: z.coerce.number().int().min(0).default(10 * 60_000),
    /** Each api process re-announces its connected consoles this often (a crashed process's expire). */
    PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(20_000),
    /** Others' conversations that changed reach a store's agents in one `conversations.changed` this often. */
    INBOX_BATCH_MS: z.coerce.number().int().min(50).max(10_000).default(1_000),
    /** The desk's own day boundary (for "breaches today"). */
    DESK_TIMEZONE: z.string().default('Asia/Shanghai'),
    /** How long an order fetched from the platform is served from the cache. */
    ORDER_CACHE_SECONDS: z.coerce.number().int().min(0).default(600),
    /** How often the worker looks for supplier cases whose reminder is due. */
    SUPPLIER_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
    /** How often the worker retrains the root-cause classifier with agents' confirmed causes. */
    /** How often the worker looks for stores whose weekly or monthly report is due. */
    REPORT_SWEEP_MS: z.coerce.number().int().min(1000).default(15 * 60_000),
    /** How often the worker sweeps for guard rules whose `effectiveAt` has come (catches a lost alarm job). */
    GUARD_SWEEP_MS: z.coerce.number().int().min(1000).default(60_000),
    CLASSIFIER_RETRAIN_MS: z.coerce.number().int().min(1000).default(6 * 3600_000),
    /** The demo seed adds eight weeks of made-up history (tests turn it off). */
    DEMO_HISTORY: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
    /** Host names and CIDRs outgoing webhooks may reach although internal (on-premise bots), comma-separated. */
    OUTBOUND_ALLOW: z.string().default('').transform(list),
    /** Deadline of one outgoing webhook call. */
    OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** Tries of one outgoing webhook post (breach alerts, supplier reminders), backing off exponentially from OUTBOUND_BACKOFF_MS. */
    OUTBOUND_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    OUTBOUND_BACKOFF_MS: z.coerce.number().int().min(1).default(2000),
    /** Where users reach the desk (links in alerts); also an origin allowed to open the live socket. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Further browser origins allowed to open the live socket (the desk's own page always may), comma-separated. */
    CORS_ORIGINS: z.string().default('').transform(list),
    KEFU_ADMIN_EMAIL: z.email().optional(),
    KEFU_ADMIN_PASSWORD: z.string().min(8).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET)
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    try {
      new OutboundPolicy(env.OUTBOUND_ALLOW);
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: ['OUTBOUND_ALLOW'], message: (err as Error).message });
    }
    for (const origin of env.CORS_ORIGINS)
      if (!URL.canParse(origin) || new URL(origin).origin === 'null') ctx.addIssue({ code: 'custom', path: ['CORS_ORIGINS'], message: `"${origin}" is not an origin such as https://desk.example.com` });
  });

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The Vite dev server (`apps/console`, port 5173) opens the socket through its proxy with its own origin. */
const DEV_CONSOLE_ORIGIN = 'http://localhost:5173';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** undefined: the desk's generated secret, kept in PostgreSQL. */
  jwtSecret: string | undefined;
  piiKey: string | undefined;
  piiRevealsPerDay: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  rateLimitPerUser: number;
  rateLimitPerChannel: number;
  loginFailuresPerAccount: number;
  loginFailuresPerAddress: number;
  loginFailureWindowSeconds: number;
  throttleTimeoutMs: number;
  ingestMaxInflight: number;
  ingestMaxWaitMs: number;
  consoleDist: string | undefined;
  logLevel: string;
  deliveryAttempts: number;
  deliveryBackoffMs: number;
  slaReconcileMs: number;
  presenceGraceMs: number;
  rebalanceAfterMs: number;
  presenceHeartbeatMs: number;
  inboxBatchMs: number;
  deskTimezone: string;
  orderCacheSeconds: number;
  supplierSweepMs: number;
  classifierRetrainMs: number;
  reportSweepMs: number;
  guardSweepMs: number;
  demoHistory: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  outboundAllow: string[];
  outboundTimeoutMs: number;
  outboundAttempts: number;
  outboundBackoffMs: number;
  /** No trailing slash. */
  publicUrl: string;
  /** Origins (`scheme://host[:port]`) allowed to open the live socket besides the desk's own. */
  corsOrigins: string[];
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration — ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const corsOrigins = [new URL(publicUrl).origin, ...e.CORS_ORIGINS.map((o) => new URL(o).origin), ...(e.NODE_ENV === 'development' ? [DEV_CONSOLE_ORIGIN] : [])];
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    jwtSecret: e.JWT_SECRET,
    piiKey: e.PII_KEY,
    piiRevealsPerDay: e.PII_REVEALS_PER_DAY,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    rateLimitPerUser: e.RATE_LIMIT_PER_USER,
    rateLimitPerChannel: e.RATE_LIMIT_PER_CHANNEL,
    loginFailuresPerAccount: e.LOGIN_FAILURES_PER_ACCOUNT,
    loginFailuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
    loginFailureWindowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
    throttleTimeoutMs: e.THROTTLE_TIMEOUT_MS,
    ingestMaxInflight: e.INGEST_MAX_INFLIGHT,
    ingestMaxWaitMs: e.INGEST_MAX_WAIT_MS,
    consoleDist: e.CONSOLE_DIST,
    logLevel: e.LOG_LEVEL,
    deliveryAttempts: e.DELIVERY_ATTEMPTS,
    deliveryBackoffMs: e.DELIVERY_BACKOFF_MS,
    slaReconcileMs: e.SLA_RECONCILE_MS,
    presenceGraceMs: e.PRESENCE_GRACE_MS,
    rebalanceAfterMs: e.REBALANCE_AFTER_MS,
    presenceHeartbeatMs: e.PRESENCE_HEARTBEAT_MS,
    inboxBatchMs: e.INBOX_BATCH_MS,
    deskTimezone: e.DESK_TIMEZONE,
    orderCacheSeconds: e.ORDER_CACHE_SECONDS,
    supplierSweepMs: e.SUPPLIER_SWEEP_MS,
    classifierRetrainMs: e.CLASSIFIER_RETRAIN_MS,
    reportSweepMs: e.REPORT_SWEEP_MS,
    guardSweepMs: e.GUARD_SWEEP_MS,
    demoHistory: e.DEMO_HISTORY,
    adminEmail: e.KEFU_ADMIN_EMAIL,
    adminPassword: e.KEFU_ADMIN_PASSWORD,
    outboundAllow: e.OUTBOUND_ALLOW,
    outboundTimeoutMs: e.OUTBOUND_TIMEOUT_MS,
    outboundAttempts: e.OUTBOUND_ATTEMPTS,
    outboundBackoffMs: e.OUTBOUND_BACKOFF_MS,
    publicUrl,
    corsOrigins: [...new Set(corsOrigins)],
  };
}
