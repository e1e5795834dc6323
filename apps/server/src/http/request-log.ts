import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/config.js';

/**
 * The api's request log (pino-http): one short line per request — id, method, path, status, time —
 * and no headers, which at a promotion day's webhook rate cost more than the request's own work
 * (and would carry signatures and tokens). Webhook successes are logged at debug: the messages
 * themselves are in PostgreSQL; their failures stay at info and above.
 */
export function requestLogOptions(config: Pick<AppConfig, 'logLevel'>): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && given.length <= 200 ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: IncomingMessage & { id?: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (req, res, err) => {
        if (err || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return req.method === 'POST' && /^\/api\/channels\/[^/]+\/(inbound|orders)/.test(req.url ?? '') ? 'debug' : 'info';
      },
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
    exclude: [{ method: 0, path: 'health' }],
  };
}
