import type { INestApplication } from '@nestjs/common';
import { HttpStatus } from '@nestjs/common';
import type { NestContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiErrorSchema, REFRESH_COOKIE, type ErrorCode } from '@kefu/contracts';
import { IS_PUBLIC, ROLES } from '../auth/auth.decorators.js';
import { API_ERRORS } from '../errors/api-errors.decorator.js';
import { jsonSchema } from '../errors/api-zod.decorator.js';
import { ERROR_STATUS } from '../errors/error-status.js';

type Json = Record<string, unknown>;
type Operation = Json & { operationId: string; summary?: string; parameters?: { in: string }[]; requestBody?: unknown; responses: Record<string, Json>; security?: unknown[] };

/** What the routes say about themselves beyond what @nestjs/swagger reads: by operation id. */
interface RouteFacts {
  isPublic: boolean;
  hasRoles: boolean;
  errors: ErrorCode[];
}

const unavailableCodes: ErrorCode[] = ['DATABASE_UNAVAILABLE', 'REDIS_UNAVAILABLE'];
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];
const UNAVAILABLE = '#/components/responses/Unavailable';
const API_ERROR = '#/components/schemas/ApiError';

/**
 * The API contract: @nestjs/swagger's scan of the controllers (paths, parameters and bodies from the
 * same zod schemas that validate them), made an OpenAPI 3.1 document (zod emits JSON Schema 2020-12,
 * 3.1's own dialect) with every operation's error answers and their codes. Served at /api/docs-json and
 * committed as libs/contracts/openapi.json (`npm run openapi`); the same in both.
 */
export function buildOpenApiDocument(app: INestApplication): { document: OpenAPIObject; problems: string[] } {
  const config = new DocumentBuilder()
    .setTitle('Kefu Desk API')
    .setDescription('Customer service and after-sales desk. Every error answer is an ApiError; clients switch on its `code`.')
    .setVersion('0.1')
    .setLicense('UNLICENSED', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
    .addServer('/', 'The desk serving this document')
    .addBearerAuth()
    .addCookieAuth(REFRESH_COOKIE, { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE, description: 'The refresh token (httpOnly), sent to /api/auth only' }, REFRESH_COOKIE)
    .build();
  const doc = SwaggerModule.createDocument(app, config);
  const problems: string[] = [];
  return { document: completeDocument(doc, routeFacts(app), problems), problems };
}

function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const container = (app as unknown as { container: NestContainer }).container;
  const facts = new Map<string, RouteFacts>();
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        if (key === 'constructor') continue;
        const handler = controller.prototype[key as keyof typeof controller.prototype] as object;
        const meta = <T>(name: string) => (Reflect.getMetadata(name, handler) ?? Reflect.getMetadata(name, controller)) as T | undefined;
        facts.set(`${controller.name}_${key}`, { isPublic: meta<boolean>(IS_PUBLIC) === true, hasRoles: (meta<string[]>(ROLES) ?? []).length > 0, errors: meta<ErrorCode[]>(API_ERRORS) ?? [] });
      }
    }
  }
  return facts;
}

function completeDocument(doc: OpenAPIObject, facts: Map<string, RouteFacts>, problems: string[]): OpenAPIObject {
  const out = withoutSchemaDialect(doc) as unknown as OpenAPIObject;
  out.openapi = '3.1.0';
  for (const [path, item] of Object.entries(out.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const fact = facts.get(op.operationId);
      const name = `${method.toUpperCase()} ${path}`;
      if (!op.summary) problems.push(`${name} has no summary (@ApiOperation)`);
      if (!Object.entries(op.responses).some(([status, answer]) => status.startsWith('2') && (answer.content || status === '204')))
        problems.push(`${name} documents no success answer (@ApiZodOk, @ApiZodCreated, @ApiZodAccepted)`);
      if (!fact) {
        problems.push(`${name}: no controller method for operation ${op.operationId}`);
        continue;
      }
      addErrorAnswers(op, path, fact);
      // Public routes say so (no bearer token; webhooks are signed, see X-Kefu-Signature).
      if (fact.isPublic && !op.security) op.security = [];
    }
  }
  out.components = {
    ...out.components,
    schemas: { ...out.components?.schemas, ApiError: withoutSchemaDialect(jsonSchema(ApiErrorSchema, 'output')) as Json },
    responses: {
      ...out.components?.responses,
      Unavailable: {
        description: 'PostgreSQL or Redis is unavailable: retry after `Retry-After` seconds',
        headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } },
        content: { 'application/json': { schema: errorSchema(unavailableCodes) } },
      },
    },
  };
  return out;
}

/** The codes an operation can answer, from what the route is plus what it declares (@ApiErrors). */
function addErrorAnswers(op: Operation, path: string, fact: RouteFacts): void {
  const codes = new Set<ErrorCode>(fact.errors);
  if (op.requestBody || (op.parameters ?? []).length > 0) codes.add('VALIDATION_FAILED');
  if (!fact.isPublic) ['UNAUTHENTICATED', 'TOKEN_INVALID', 'RATE_LIMITED'].forEach((c) => codes.add(c as ErrorCode));
  if (fact.hasRoles) codes.add('FORBIDDEN');
  if (/\{\w+\}/.test(path)) codes.add('NOT_FOUND');
  // A route with its own 503 (a webhook shed at capacity) answers the dependencies' too.
  if ([...codes].some((c) => ERROR_STATUS[c] === HttpStatus.SERVICE_UNAVAILABLE)) unavailableCodes.forEach((c) => codes.add(c));
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  const responses: Record<string, Json> = {};
  for (const [status, answers] of Object.entries(op.responses)) if (Number(status) < 400) responses[status] = answers;
  for (const status of [...byStatus.keys()].sort()) {
    const answered = byStatus.get(status)!.sort();
    responses[String(status)] = {
      description: `${reasonOf(status)}: ${answered.join(', ')}`,
      ...((status === HttpStatus.TOO_MANY_REQUESTS || status === HttpStatus.SERVICE_UNAVAILABLE) && { headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } } }),
      content: { 'application/json': { schema: errorSchema(answered) } },
    };
  }
  // A route that answers 503 its own way (health: terminus's report) keeps it.
  responses['503'] = op.responses['503'] ?? responses['503'] ?? { $ref: UNAVAILABLE };
  op.responses = responses;
}

/** The ApiError schema, its `code` narrowed to what this answer can carry. */
const errorSchema = (codes: ErrorCode[]) => ({ allOf: [{ $ref: API_ERROR }, { type: 'object', properties: { code: { enum: codes } } }] });

const reasonOf = (status: number) => HttpStatus[status]?.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ') ?? 'Error';

/**
 * Makes zod's JSON Schema read well in OpenAPI: drops the `$schema` zod writes at the top of each
 * schema (a 3.1 document's dialect is 2020-12 already), and spells out the properties of a record
 * over an enum (`propertyNames` + `required`: every key present) so that each required one is defined.
 */
function withoutSchemaDialect(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSchemaDialect);
  if (!value || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).filter(([k]) => k !== '$schema').map(([k, v]) => [k, withoutSchemaDialect(v)])) as Json;
  const keys = (out.propertyNames as { enum?: unknown[] } | undefined)?.enum;
  if (!out.properties && Array.isArray(out.required) && keys && out.additionalProperties && typeof out.additionalProperties === 'object') {
    out.properties = Object.fromEntries(keys.map((k) => [String(k), out.additionalProperties]));
  }
  return out;
}
