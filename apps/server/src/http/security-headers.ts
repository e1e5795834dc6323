import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/config.js';
import { DOCS_PATH } from './api-docs.js';

const HSTS_SECONDS = 180 * 24 * 3600;

/**
 * Response headers of every HTTP answer (helmet): no `x-powered-by`, nosniff, no framing, no
 * referrer, and a Content-Security-Policy the built console runs under: scripts, styles and the
 * live socket from the desk itself ('self' covers same-origin ws/wss), nothing inline, no eval
 * (React sets styles through the CSSOM, which the policy allows). The API documentation's page
 * has inline <style> blocks: it alone may use inline styles. HSTS and the upgrade of plain-HTTP
 * requests only in production: a development or test desk runs on plain HTTP.
 */
export function securityHeaders(config: AppConfig) {
  const production = config.env === 'production';
  const headers = (inlineStyles: boolean) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'script-src-attr': ["'none'"],
          'style-src': inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          ...(production && { 'upgrade-insecure-requests': [] }),
        },
      },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: production ? { maxAge: HSTS_SECONDS, includeSubDomains: true } : false,
    });
  const strict = headers(false);
  const docs = headers(true);
  return (req: Request, res: Response, next: NextFunction) => (DOCS_PATH.test(req.path) ? docs : strict)(req, res, next);
}
