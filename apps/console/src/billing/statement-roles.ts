import type { Role } from '@kefu/contracts';

/** The agency's people who read statements (the API's `@Roles` of `GET /api/statements`: supervisors do not). */
export const STATEMENT_ROLES: ReadonlySet<Role> = new Set(['analyst', 'admin']);
