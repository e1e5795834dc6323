import { SetMetadata } from '@nestjs/common';
import type { Role } from '@kefu/contracts';

export const IS_PUBLIC = 'kefu:public';
export const ROLES = 'kefu:roles';
export const FOR_CLIENTS = 'kefu:for-clients';

/** No bearer token needed (login, webhook, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only these roles may call. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
/**
 * A brand's `client` users may call this route (on their own stores, as the scope decides). Clients may call
 * nothing else: a route is closed to them unless it says so, whatever its @Roles.
 */
export const ForClients = () => SetMetadata(FOR_CLIENTS, true);
