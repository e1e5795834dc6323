import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeskSettings, SetupInput, SetupResult, UpdateDeskSettingsInput } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { StoreService } from '../store/store.service.js';
import { StoreEntity } from '../store/store.entity.js';
import { InvitationService } from '../user/invitation.service.js';
import { UserEntity } from '../auth/user.entity.js';
import { UserService } from '../user/user.service.js';
import { DeskSettingsEntity } from './desk-settings.entity.js';
import { DeskError, forbidden } from '../errors/desk-error.js';

const SETTINGS_ID = 1;

/**
 * The desk's own settings (the agency's name and logo on client reports) and the first run of a production desk:
 * a new agency's first admin (from KEFU_ADMIN_EMAIL) names the agency and sets up its first store, channel and agent.
 */
@Injectable()
export class SetupService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stores: StoreService,
    private readonly users: UserService,
    private readonly invitations: InvitationService,
    private readonly audit: AuditService,
  ) {}

  async settings(m: EntityManager = this.db.manager): Promise<DeskSettings> {
    const row = await m.getRepository(DeskSettingsEntity).findOneBy({ id: SETTINGS_ID });
    return { agencyName: row?.agencyName ?? '', agencyLogo: row?.agencyLogo ?? null, setupRequired: await this.setupRequired(row, m) };
  }

  /** Only a production desk asks for it (development and test desks have the demo seed), once, while it has no store. */
  private async setupRequired(row: DeskSettingsEntity | null, m: EntityManager): Promise<boolean> {
    if (this.config.env !== 'production' || row?.setupCompletedAt) return false;
    return (await m.getRepository(StoreEntity).count()) === 0;
  }

  async updateSettings(caller: Caller, input: UpdateDeskSettingsInput): Promise<DeskSettings> {
    this.assertDeskAdmin(caller);
    return this.db.transaction(async (m) => {
      await this.save(m, input);
      await this.audit.record({ actorId: caller.user.id, action: 'desk.settings_updated', targetType: 'desk', targetId: 'settings', details: { changed: Object.keys(input) } }, m);
      return this.settings(m);
    });
  }

  /**
   * Everything a new desk needs in one call. What could refuse it (the agent's e-mail, the store's alert webhook) is
   * checked before anything is written; each part is created and audited as the admin screens would.
   */
  async run(caller: Caller, input: SetupInput): Promise<SetupResult> {
    this.assertDeskAdmin(caller);
    if (!(await this.settings()).setupRequired) throw new DeskError('SETUP_DONE', 'This desk is already set up');
    const email = input.agent.email.toLowerCase();
    if (await this.db.getRepository(UserEntity).existsBy({ email })) throw new DeskError('EMAIL_TAKEN', 'Email already in use', { fields: { 'agent.email': 'is already in use' } });
    const store = await this.stores.create(caller, input.store);
    const channel = await this.stores.createChannel(caller, store.id, input.channel);
    const agent = await this.users.create(caller, { ...input.agent, role: 'agent', storeIds: [store.id] });
    const invitation = input.agent.password ? null : await this.invitations.issue(caller, { id: agent.id, active: true }, { ttlHours: 72 });
    await this.db.transaction(async (m) => {
      await this.save(m, { agencyName: input.agencyName, agencyLogo: input.agencyLogo ?? null }, new Date());
      await this.audit.record({ actorId: caller.user.id, action: 'desk.setup_completed', targetType: 'desk', targetId: 'settings', details: { agencyName: input.agencyName, storeId: store.id } }, m);
    });
    return { store, channel, agent, invitation };
  }

  private async save(m: EntityManager, input: UpdateDeskSettingsInput, setupCompletedAt?: Date): Promise<void> {
    const repo = m.getRepository(DeskSettingsEntity);
    const current = await repo.findOneBy({ id: SETTINGS_ID });
    await repo.save({
      id: SETTINGS_ID,
      agencyName: input.agencyName ?? current?.agencyName ?? '',
      agencyLogo: input.agencyLogo !== undefined ? input.agencyLogo : (current?.agencyLogo ?? null),
      setupCompletedAt: setupCompletedAt ?? current?.setupCompletedAt ?? null,
    });
  }

  private assertDeskAdmin(caller: Caller): void {
    if (!caller.scope.isAll) throw forbidden('The desk is set up by admins of every store');
  }
}
