import { SetMetadata } from '@nestjs/common';
import type { Role } from '@kefu/contracts';

export const IS_PUBLIC = 'kefu:public';
export const ROLES = 'kefu:roles';

/** No bearer token needed (login, webhook, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only these roles may call. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
