import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS, type GuardRule, type Platform, type RuleChange } from '@kefu/contracts';
import { useStores } from '../desk/useStores';
import { guardApi } from './guard-api';
import { errorText } from '../api/error-text';
import { FormField } from '../ui/FormField';

const splitTerms = (s: string) => s.split(/[,，\n]/).map((x) => x.trim()).filter(Boolean);

/** Supervisors and admins: the guard rules of their stores (and the global ones), and the platforms' rule changes with who has acknowledged them. */
export function GuardScreen() {
  const { t } = useTranslation();
  return (
    <main className="guard-screen board" data-testid="guard-screen">
      <header className="board__header">
        <h1>{t('guard.screenTitle')}</h1>
      </header>
      <RuleChangesSection />
      <RulesSection />
    </main>
  );
}

function RulesSection() {
  const { t, i18n } = useTranslation();
  const { stores } = useStores();
  const [rules, setRules] = useState<GuardRule[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({ storeId: '', platform: '', category: '', kind: 'term' as 'term' | 'pattern', terms: '', pattern: '', action: 'warn' as 'warn' | 'block', zh: '', en: '' });
  const load = useCallback(() => void guardApi.rules().then((p) => setRules(p.items), (err: unknown) => setError(errorText(err, t))), [t]);
  useEffect(load, [load]);
  const storeName = (id: string | null) => (id ? (stores.find((s) => s.id === id)?.name ?? id.slice(0, 8)) : t('guard.rules.global'));

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await guardApi.createRule({
        storeId: form.storeId || null,
        platform: (form.platform || null) as Platform | null,
        category: form.category.trim() || null,
        kind: form.kind,
        ...(form.kind === 'term' ? { terms: splitTerms(form.terms) } : { pattern: form.pattern }),
        action: form.action,
        message: { zh: form.zh, en: form.en },
      });
      setForm((f) => ({ ...f, terms: '', pattern: '', zh: '', en: '' }));
      load();
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const toggle = async (r: GuardRule) => {
    try {
      await guardApi.updateRule(r.id, { status: r.status === 'disabled' ? 'active' : 'disabled' });
      load();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <section className="guard-section" aria-label={t('guard.rules.title')}>
      <h2>{t('guard.rules.title')}</h2>
      {error && (
        <p className="composer__error" role="alert" data-testid="guard-rules-error">
          {error}
        </p>
      )}
      <table className="guard-table" data-testid="guard-rules">
        <thead>
          <tr>
            <th>{t('guard.rules.scope')}</th>
            <th>{t('guard.rules.kind')}</th>
            <th>{t('guard.rules.what')}</th>
            <th>{t('guard.rules.action')}</th>
            <th>{t('guard.rules.reason')}</th>
            <th>{t('guard.rules.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} data-testid="guard-rule-row">
              <td>
                {storeName(r.storeId)}
                {r.platform && ` · ${t(`guard.platforms.${r.platform}`)}`}
                {r.category && ` · ${r.category}`}
              </td>
              <td>{t(`guard.kinds.${r.kind}`)}</td>
              <td className="guard-table__terms">{r.terms?.join('、') ?? r.pattern ?? '—'}</td>
              <td>
                <span className={`guard-tag guard-tag--${r.action}`}>{r.action === 'block' ? t('guard.block') : t('guard.warn')}</span>
              </td>
              <td>{i18n.language.startsWith('zh') ? r.message.zh : r.message.en}</td>
              <td>{t(`guard.statuses.${r.status}`)}</td>
              <td>
                <button type="button" className="button button--ghost" onClick={() => void toggle(r)}>
                  {r.status === 'disabled' ? t('guard.rules.enable') : t('guard.rules.disable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="guard-form" onSubmit={(e) => void create(e)} data-testid="guard-rule-form">
        <h3>{t('guard.rules.new')}</h3>
        <FormField label={t('guard.rules.store')}>
          {(f) => (
            <select id={f.id} className="input" value={form.storeId} onChange={(e) => setForm({ ...form, storeId: e.target.value })}>
              <option value="">{t('guard.rules.global')}</option>
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <PlatformField value={form.platform} onChange={(platform) => setForm({ ...form, platform })} anyPlatform />
        <FormField label={t('guard.rules.category')}>
          {(f) => <input id={f.id} className="input" value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })} />}
        </FormField>
        <FormField label={t('guard.rules.kind')}>
          {(f) => (
            <select id={f.id} className="input" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'term' | 'pattern' })}>
              <option value="term">{t('guard.kinds.term')}</option>
              <option value="pattern">{t('guard.kinds.pattern')}</option>
            </select>
          )}
        </FormField>
        {form.kind === 'term' ? (
          <FormField label={t('guard.rules.terms')} hint={t('guard.rules.termsHint')}>
            {(f) => <input id={f.id} className="input" aria-describedby={f.describedBy} data-testid="guard-rule-terms" value={form.terms} onChange={(e) => setForm({ ...form, terms: e.target.value })} />}
          </FormField>
        ) : (
          <FormField label={t('guard.kinds.pattern')}>
            {(f) => <input id={f.id} className="input" value={form.pattern} onChange={(e) => setForm({ ...form, pattern: e.target.value })} placeholder="RE2" />}
          </FormField>
        )}
        <VerdictFields verdict={form} onChange={(v) => setForm({ ...form, ...v })} />
        <button type="submit" className="button button--primary" data-testid="guard-rule-create">
          {t('guard.rules.create')}
        </button>
      </form>
    </section>
  );
}

function RuleChangesSection() {
  const { t, i18n } = useTranslation();
  const [changes, setChanges] = useState<RuleChange[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<RuleChange | null>(null);
  const [form, setForm] = useState({ platform: 'taobao' as Platform, title: '', summary: '', effectiveAt: '', link: '', categories: '', terms: '', action: 'warn' as 'warn' | 'block', zh: '', en: '' });
  const load = useCallback(() => void guardApi.ruleChanges().then((p) => setChanges(p.items), (err: unknown) => setError(errorText(err, t))), [t]);
  useEffect(load, [load]);

  const publish = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const terms = splitTerms(form.terms);
    try {
      const change = await guardApi.publishRuleChange({
        platform: form.platform,
        title: form.title,
        summary: form.summary,
        effectiveAt: form.effectiveAt ? new Date(form.effectiveAt).toISOString() : new Date().toISOString(),
        categories: splitTerms(form.categories),
        link: form.link.trim() || null,
        guardRules: terms.length ? [{ kind: 'term', terms, action: form.action, message: { zh: form.zh || form.title, en: form.en || form.title } }] : [],
      });
      setPublished(change);
      load();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <section className="guard-section" aria-label={t('guard.changes.title')}>
      <h2>{t('guard.changes.title')}</h2>
      {error && (
        <p className="composer__error" role="alert">
          {error}
        </p>
      )}
      <ul className="guard-changes" data-testid="rule-changes">
        {changes.map((c) => (
          <li key={c.id} data-testid="rule-change-row">
            <strong>
              {t(`guard.platforms.${c.platform}`)} · {c.title}
            </strong>
            <span>
              {' '}
              {t('guard.changes.effective', { at: new Date(c.effectiveAt).toLocaleString(i18n.language) })}
            </span>
            {c.progress && (
              <div className="guard-changes__progress" data-testid="rule-change-progress">
                {t('guard.changes.progress', { acknowledged: c.progress.acknowledged, required: c.progress.required })}
                {c.progress.pending.length > 0 && ` — ${t('guard.changes.pending')}: ${c.progress.pending.map((p) => p.name).join('、')}`}
              </div>
            )}
          </li>
        ))}
      </ul>
      {published?.review && (
        <div className="guard-review" data-testid="rule-change-review">
          <h3>{t('guard.changes.review')}</h3>
          <p>{t('guard.changes.reviewStores', { stores: published.review.stores.map((s) => s.name).join('、') || '—' })}</p>
          <p>{t('guard.changes.reviewTexts', { articles: published.review.articles.length, quickReplies: published.review.quickReplies.length, templates: published.review.templates.length })}</p>
          <ul>
            {published.review.articles.map((a) => (
              <li key={a.id}>
                {t('guard.changes.article')}: {a.title} ({a.terms.join('、')})
              </li>
            ))}
            {published.review.quickReplies.map((q) => (
              <li key={q.id}>
                {t('guard.changes.quickReply')}: /{q.shortcut} ({q.terms.join('、')})
              </li>
            ))}
          </ul>
        </div>
      )}
      <form className="guard-form" onSubmit={(e) => void publish(e)} data-testid="rule-change-form">
        <h3>{t('guard.changes.new')}</h3>
        <PlatformField value={form.platform} onChange={(platform) => setForm({ ...form, platform: platform as Platform })} />
        <FormField label={t('guard.changes.titleField')}>
          {(f) => <input id={f.id} className="input" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}
        </FormField>
        <FormField label={t('guard.changes.summary')}>
          {(f) => <textarea id={f.id} className="input" value={form.summary} onChange={(e) => setForm({ ...form, summary: e.target.value })} />}
        </FormField>
        <FormField label={t('guard.changes.effectiveAt')}>
          {(f) => <input id={f.id} className="input" type="datetime-local" value={form.effectiveAt} onChange={(e) => setForm({ ...form, effectiveAt: e.target.value })} />}
        </FormField>
        <FormField label={t('guard.changes.categories')}>
          {(f) => <input id={f.id} className="input" value={form.categories} onChange={(e) => setForm({ ...form, categories: e.target.value })} />}
        </FormField>
        <FormField label={t('guard.changes.link')}>
          {(f) => <input id={f.id} className="input" value={form.link} onChange={(e) => setForm({ ...form, link: e.target.value })} placeholder="https://" />}
        </FormField>
        <FormField label={t('guard.changes.terms')}>
          {(f) => <input id={f.id} className="input" value={form.terms} onChange={(e) => setForm({ ...form, terms: e.target.value })} />}
        </FormField>
        <VerdictFields verdict={form} onChange={(v) => setForm({ ...form, ...v })} />
        <button type="submit" className="button button--primary" data-testid="rule-change-publish">
          {t('guard.changes.publish')}
        </button>
      </form>
    </section>
  );
}

type Verdict = { action: 'warn' | 'block'; zh: string; en: string };

/** What a rule does and the reason it shows, in both languages (a rule and a platform's rule change both set them). */
function VerdictFields({ verdict, onChange }: { verdict: Verdict; onChange: (v: Partial<Verdict>) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <FormField label={t('guard.rules.action')}>
        {(f) => (
          <select id={f.id} className="input" value={verdict.action} onChange={(e) => onChange({ action: e.target.value as Verdict['action'] })}>
            <option value="warn">{t('guard.warn')}</option>
            <option value="block">{t('guard.block')}</option>
          </select>
        )}
      </FormField>
      <FormField label={t('guard.rules.reasonZh')}>{(f) => <input id={f.id} className="input" value={verdict.zh} onChange={(e) => onChange({ zh: e.target.value })} />}</FormField>
      <FormField label={t('guard.rules.reasonEn')}>{(f) => <input id={f.id} className="input" value={verdict.en} onChange={(e) => onChange({ en: e.target.value })} />}</FormField>
    </>
  );
}

/** The platform a rule is for; with `anyPlatform`, also none (every platform), as ''. */
function PlatformField({ value, onChange, anyPlatform = false }: { value: string; onChange: (platform: string) => void; anyPlatform?: boolean }) {
  const { t } = useTranslation();
  return (
    <FormField label={t('guard.rules.platform')}>
      {(f) => (
        <select id={f.id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
          {anyPlatform && <option value="">{t('guard.rules.anyPlatform')}</option>}
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {t(`guard.platforms.${p}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
