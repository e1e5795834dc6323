import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/config.js';

/** The platforms' webhooks: customer messages and orders. */
const WEBHOOK = /^\/api\/channels\/[^/]+\/(inbound|orders)$/;

/** Seconds a platform is asked to wait before it sends a shed webhook again. */
export const SHED_RETRY_AFTER_SECONDS = 1;

/**
 * Load shedding for the webhooks: past what this process can work through, a new request is answered
 * 503 with Retry-After at once, before its body is read, instead of joining a queue that grows until
 * the platform's requests time out (and their messages are lost to it). Saturated means: as many
 * webhook requests in work as `ingestMaxInflight`, or the oldest of them started longer than
 * `ingestMaxWaitMs` ago. A shed request stored nothing; one that was let in is answered as usual.
 */
export function ingestShedding(config: Pick<AppConfig, 'ingestMaxInflight' | 'ingestMaxWaitMs'>) {
  // Requests in work by id, in the order they started (a Map keeps insertion order: the first is the oldest).
  const inWork = new Map<number, number>();
  let nextId = 0;
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !WEBHOOK.test(req.path)) return next();
    const now = performance.now();
    const oldest = inWork.values().next().value;
    if (inWork.size >= config.ingestMaxInflight || (oldest !== undefined && now - oldest > config.ingestMaxWaitMs)) {
      res.setHeader('retry-after', String(SHED_RETRY_AFTER_SECONDS));
      res.status(503).json({ statusCode: 503, error: 'Service Unavailable', code: 'DESK_SATURATED', message: 'The desk is at capacity; retry shortly' });
      return;
    }
    const id = nextId++;
    inWork.set(id, now);
    const finish = () => inWork.delete(id);
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}
