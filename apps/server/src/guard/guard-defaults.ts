// The shipped default rules and platform link lists (apps/server/corpus/guard/*.json), versioned with the repo.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from 'typeorm';
import type { GuardAction, GuardMessage, GuardRuleKind, Platform } from '@kefu/contracts';
import { GuardRuleEntity } from './guard-rule.entity.js';

const corpusFile = (name: string) => fileURLToPath(new URL(`../../corpus/guard/${name}`, import.meta.url));

export const DEFAULT_RULE_FILES = ['contact.json', 'advertising-law.json', 'courtesy.json', 'efficacy.json'] as const;

interface DefaultRule {
  key: string;
  kind: GuardRuleKind;
  platform?: Platform;
  category?: string;
  action: GuardAction;
  terms?: string[];
  exceptions?: string[];
  pattern?: string;
  message: GuardMessage;
}

export function defaultRules(): (DefaultRule & { source: string })[] {
  return DEFAULT_RULE_FILES.flatMap((file) => {
    const { version, rules } = JSON.parse(readFileSync(corpusFile(file), 'utf8')) as { version: number; rules: DefaultRule[] };
    return rules.map((r) => ({ ...r, source: `default:${file.replace(/\.json$/, '')}@${version}` }));
  });
}

let hosts: Record<Platform, string[] | null> | null = null;
/** The link hosts that are on a platform; null: any link is fine (a store's own web site). */
export function allowedHosts(platform: Platform): readonly string[] | null {
  hosts ??= (JSON.parse(readFileSync(corpusFile('platforms.json'), 'utf8')) as { allowedHosts: Record<Platform, string[] | null> }).allowedHosts;
  return hosts[platform] === undefined ? [] : hosts[platform];
}

/** Inserts the shipped default rules that are not there yet (by key): global, in force at once. */
export async function seedGuardDefaults(m: EntityManager): Promise<number> {
  const repo = m.getRepository(GuardRuleEntity);
  let added = 0;
  for (const r of defaultRules()) {
    const result = await repo
      .createQueryBuilder()
      .insert()
      .values({
        storeId: null,
        platform: r.platform ?? null,
        category: r.category ?? null,
        kind: r.kind,
        terms: r.terms ?? null,
        exceptions: r.exceptions ?? null,
        pattern: r.pattern ?? null,
        action: r.action,
        message: r.message,
        effectiveAt: new Date(),
        status: 'active',
        source: r.source,
        defaultKey: r.key,
      })
      .orIgnore()
      .execute();
    added += result.identifiers.filter(Boolean).length;
  }
  return added;
}
