import type { AppConfig } from '../config/config.js';

/** Redis channel prefix shared by the socket.io adapter (api) and emitter (api and worker). */
export const socketKey = (config: AppConfig) => `${config.redisPrefix}:socket.io`;
