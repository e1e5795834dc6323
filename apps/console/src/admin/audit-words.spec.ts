import { describe, expect, it } from '@jest/globals';
import i18n from 'i18next';
import type { AuditEvent } from '@kefu/contracts';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { auditSentence } from './audit-words';

const entry = (over: Partial<AuditEvent>): AuditEvent => ({ id: 'e', actorId: 'u1', actorName: 'Lin', action: 'store.updated', targetType: 'store', targetId: 's1', targetName: '星河旗舰店', at: '2026-12-02T05:00:00Z', details: {}, ...over });

describe('audit entries in words', () => {
  const t = (lng: 'en' | 'zh-CN') => i18n.getFixedT(lng);
  it('says who changed which settings of which store, in both languages', async () => {
    await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zh } }, lng: 'en', interpolation: { escapeValue: false } });
    const e = entry({ details: { changed: ['businessHours', 'holidays'] } });
    expect(auditSentence(e, t('en'))).toBe('Lin changed opening hours, holidays of the store 星河旗舰店');
    expect(auditSentence(e, t('zh-CN'))).toBe('Lin 修改了店铺 星河旗舰店 的营业时间、节假日');
    expect(auditSentence(entry({ action: 'channel.secret_rotated', targetType: 'channel', targetName: '天猫', details: { overlapSeconds: 7200 } }), t('en'))).toBe('Lin rotated the secret of the channel 天猫 (2h overlap)');
    expect(auditSentence(entry({ action: 'user.created', targetType: 'user', targetName: '小王', details: { role: 'agent' } }), t('zh-CN'))).toBe('Lin 添加了客服 小王');
    const contract = entry({ action: 'store.contract_set', details: { baseFeeMonthly: 5000, commissionRate: 0.035, attributionHours: 48, promotionFees: [] } });
    expect(auditSentence(contract, t('en'))).toBe('Lin set the contract of the store 星河旗舰店: ¥5000 a month, 3.5% commission, 48h window');
    expect(auditSentence(contract, t('zh-CN'))).toBe('Lin 设定了店铺 星河旗舰店 的合同：每月 ¥5000，佣金 3.5%，归因 48 小时');
    expect(auditSentence(entry({ action: 'store.contract_set', details: {} }), t('en'))).toBe('Lin set the contract of the store 星河旗舰店');
    expect(auditSentence(entry({ action: 'user.updated', targetType: 'user', targetName: '小王', details: { changed: ['active'], active: false } }), t('en'))).toBe('Lin changed active status of 小王 (deactivated)');
  });
  it('still says something of an action it has no sentence for, and of a gone actor or target', () => {
    expect(auditSentence(entry({ action: 'ticket.refunded', targetType: 'ticket', targetName: null, targetId: 'abcdef0123456789', actorName: null }), t('en'))).toBe('Someone: ticket.refunded on Ticket abcdef01');
    expect(auditSentence(entry({ actorId: null, actorName: null, action: 'channel.created', targetType: 'channel', targetName: 'web' }), t('en'))).toBe('The desk created the channel web');
  });
});
