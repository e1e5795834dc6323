// Writes the OpenAPI document (libs/contracts/openapi.json by default) without a database: the api
// module is built in preview mode (controllers scanned, nothing connected). `npm run openapi`.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '../api.module.js';
import { loadConfig } from '../config/config.js';
import { buildOpenApiDocument } from '../http/openapi-document.js';

export const OPENAPI_FILE = resolve(import.meta.dirname, '../../../../libs/contracts/openapi.json');

const app = await NestFactory.create(ApiModule.forRoot(loadConfig()), { preview: true, logger: ['error'] });
app.setGlobalPrefix('api', { exclude: ['health'] });
const out = process.argv[2] ? resolve(process.argv[2]) : OPENAPI_FILE;
const { document, problems } = buildOpenApiDocument(app);
if (problems.length) {
  console.error(`OpenAPI document not written: every operation needs a summary and its success answer\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
console.log(`OpenAPI document written to ${out}`);
process.exit(0);
