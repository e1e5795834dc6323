import type { RedisOptions } from 'ioredis';

/** The longest a Redis command on a request path may take before Redis counts as unavailable. */
export const REDIS_COMMAND_TIMEOUT_MS = 2000;

/** Reconnect soon and keep trying (ioredis' and BullMQ's defaults back off to 20 s). */
const retryStrategy = (attempt: number) => Math.min(attempt * 200, 2000);

/**
 * Commands that must not wait out an outage (the webhook, replies, presence, live events): while
 * Redis is down they fail at once instead of queueing in ioredis' offline queue; one in flight when
 * the connection drops fails too, and none waits longer than the command timeout.
 */
export const failFastRedis = { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: REDIS_COMMAND_TIMEOUT_MS, retryStrategy } satisfies RedisOptions;

/** BullMQ workers and socket.io's subscriber: they wait for Redis to return (BullMQ needs `null`). */
export const patientRedis = { maxRetriesPerRequest: null, retryStrategy } satisfies RedisOptions;
