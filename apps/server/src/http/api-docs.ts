import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { TokenService } from '../auth/token.service.js';
import type { ApiError } from '@kefu/contracts';
import type { AppConfig } from '../config/config.js';
import { buildOpenApiDocument } from './openapi-document.js';

/** Every path the OpenAPI module serves: the UI and its assets, the JSON and the YAML document. */
export const DOCS_PATH = /^\/api\/docs(-json|-yaml)?(\/|$)/;

/**
 * OpenAPI document at `/api/docs-json` and its UI at `/api/docs`. Open in development and tests;
 * in production only with a valid bearer token (the document maps the whole attack surface).
 */
export function setupApiDocs(app: NestExpressApplication, config: AppConfig): void {
  if (config.env === 'production') {
    const tokens = app.get(TokenService);
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (!DOCS_PATH.test(req.path)) return next();
      const token = req.headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
      tokens
        .resolve(token)
        .then((caller) => {
          if (caller) return next();
          res.status(401).json({ statusCode: 401, error: 'Unauthorized', code: token ? 'TOKEN_INVALID' : 'UNAUTHENTICATED', message: 'The API documentation needs a bearer token in production' } satisfies ApiError);
        })
        .catch(next);
    });
  }
  const { document, problems } = buildOpenApiDocument(app);
  // Served anyway (the desk runs); `npm run openapi` refuses to write such a document and the contract test fails.
  for (const problem of problems) new Logger('OpenAPI').warn(problem);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}
