/** The shared ioredis client (see RedisModule). */
export const REDIS = Symbol('REDIS');
