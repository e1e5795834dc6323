import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import {
  ChannelWithSecret,
  CreateChannelInput,
  CreateStoreInput,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_RETURN_POLICY,
  DEFAULT_SLA_ESCALATION,
  DEFAULT_SLA_POLICY,
  DEFAULT_TIMEZONE,
  defaultResponseRule,
  Holidays,
  ResponseExemptions,
  Page,
  Store,
  UpdateStoreInput,
} from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { ChannelEntity } from '../channel/channel.entity.js';
import { toChannelDto } from '../channel/channel.dto.js';
import { newChannelSecret } from '../channel/channel-secret.js';
import { ValidationError } from '../errors/validation.error.js';
import { OutboundPolicy } from '../outbound/outbound-policy.js';
import { toStoreDto } from './store.dto.js';
import { responseRuleOf, returnPolicyOf, slaPolicyOf } from './store-settings.js';
import { StoreEntity } from './store.entity.js';
import { forbidden, notFound } from '../errors/desk-error.js';

/** The settings a change really changes (a form sends them all): what the audit entry names. */
const changedFields = (before: StoreEntity, after: StoreEntity, input: UpdateStoreInput): string[] =>
  Object.keys(input).filter((k) => canonical(before[k as keyof StoreEntity]) !== canonical(after[k as keyof StoreEntity]));

/** JSON with object keys sorted (jsonb does not keep their order) and empty language maps as none. */
function canonical(v: unknown): string {
  return JSON.stringify(v ?? null, (_, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).filter(([, y]) => y !== undefined && !(y && typeof y === 'object' && !Array.isArray(y) && Object.keys(y).length === 0)).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

/** Exemption periods in date order. */
const sortedExemptions = (list: ResponseExemptions): ResponseExemptions => [...list].sort((a, b) => a.start.localeCompare(b.start));

/** Holidays in date order (how the console lists them). */
const sortedHolidays = (list: Holidays): Holidays => [...list].sort((a, b) => a.date.localeCompare(b.date));

@Injectable()
export class StoreService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>,
    private readonly audit: AuditService,
    private readonly outbound: OutboundPolicy,
  ) {}

  async list(caller: Caller): Promise<Page<Store>> {
    const qb = caller.scope.apply(this.stores.createQueryBuilder('s'), 's.id').orderBy('s.name', 'ASC');
    const rows = await qb.getMany();
    return { items: rows.map(toStoreDto), total: rows.length, nextCursor: null };
  }

  /** A store the caller may see, or 404 (existence of other stores does not leak). */
  async get(caller: Caller, id: string): Promise<StoreEntity> {
    const store = caller.scope.canSee(id) ? await this.stores.findOneBy({ id }) : null;
    if (!store) throw notFound('Store');
    return store;
  }

  async create(caller: Caller, input: CreateStoreInput): Promise<Store> {
    if (!caller.scope.isAll) throw forbidden('Stores are created by admins of every store');
    this.checkWebhook(input);
    return this.db.transaction(async (m) => {
      const store = await m.getRepository(StoreEntity).save({
        name: input.name,
        platform: input.platform,
        timezone: input.timezone ?? DEFAULT_TIMEZONE,
        businessHours: input.businessHours === undefined ? DEFAULT_BUSINESS_HOURS : input.businessHours,
        holidays: sortedHolidays(input.holidays ?? []),
        slaPolicy: { ...DEFAULT_SLA_POLICY, ...input.slaPolicy },
        returnPolicy: { ...DEFAULT_RETURN_POLICY, ...input.returnPolicy },
        slaEscalation: { ...DEFAULT_SLA_ESCALATION, ...input.slaEscalation },
        responseRule: input.responseRule ? { ...defaultResponseRule(input.platform), ...input.responseRule } : null,
        responseExemptions: sortedExemptions(input.responseExemptions ?? []),
        ticketTemplates: input.ticketTemplates ?? {},
      });
      await this.audit.record({ actorId: caller.user.id, action: 'store.created', targetType: 'store', targetId: store.id }, m);
      return toStoreDto(store);
    });
  }

  async update(caller: Caller, id: string, input: UpdateStoreInput): Promise<Store> {
    const store = await this.get(caller, id);
    this.checkWebhook(input);
    const next: StoreEntity = {
      ...store,
      ...(input.name !== undefined && { name: input.name }),
      ...(input.platform !== undefined && { platform: input.platform }),
      ...(input.timezone !== undefined && { timezone: input.timezone }),
      ...(input.businessHours !== undefined && { businessHours: input.businessHours }),
      ...(input.holidays !== undefined && { holidays: sortedHolidays(input.holidays) }),
      // What the desk used until now, with the changes: an out-of-range stored value is replaced.
      slaPolicy: { ...slaPolicyOf(store), ...input.slaPolicy },
      returnPolicy: { ...returnPolicyOf(store), ...input.returnPolicy },
      slaEscalation: { ...store.slaEscalation, ...input.slaEscalation },
      // A store without a rule of its own follows its platform's default, also when the platform changes.
      responseRule:
        input.responseRule === null ? null : input.responseRule ? { ...responseRuleOf({ ...store, platform: input.platform ?? store.platform }), ...input.responseRule } : store.responseRule,
      ...(input.responseExemptions !== undefined && { responseExemptions: sortedExemptions(input.responseExemptions) }),
      // Per language, the steps given replace the store's texts for those steps.
      ticketTemplates: {
        zh: { ...store.ticketTemplates?.zh, ...input.ticketTemplates?.zh },
        en: { ...store.ticketTemplates?.en, ...input.ticketTemplates?.en },
      },
    };
    return this.db.transaction(async (m) => {
      const saved = await m.getRepository(StoreEntity).save(next);
      await this.audit.record(
        { actorId: caller.user.id, action: 'store.updated', targetType: 'store', targetId: id, details: { changed: changedFields(store, next, input) } },
        m,
      );
      return toStoreDto(saved);
    });
  }

  /** The breach webhook must be a URL the worker may call (see OutboundPolicy). */
  private checkWebhook(input: CreateStoreInput | UpdateStoreInput): void {
    const url = input.slaEscalation?.webhookUrl;
    const problem = url && this.outbound.urlProblem(url);
    if (problem) throw new ValidationError({ 'slaEscalation.webhookUrl': problem });
  }

  async createChannel(caller: Caller, storeId: string, input: CreateChannelInput): Promise<ChannelWithSecret> {
    await this.get(caller, storeId);
    const secret = newChannelSecret();
    return this.db.transaction(async (m) => {
      const channel = await m.getRepository(ChannelEntity).save({ storeId, kind: input.kind, name: input.name, secret });
      await this.audit.record({ actorId: caller.user.id, action: 'channel.created', targetType: 'channel', targetId: channel.id, details: { storeId, name: channel.name, kind: channel.kind } }, m);
      return { ...toChannelDto(channel), secret };
    });
  }

  async listChannels(caller: Caller, storeId: string) {
    await this.get(caller, storeId);
    const rows = await this.channels.find({ where: { storeId }, order: { createdAt: 'ASC' } });
    return { items: rows.map((c) => toChannelDto(c)), total: rows.length, nextCursor: null };
  }
}
