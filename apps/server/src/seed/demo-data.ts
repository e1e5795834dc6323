// Made-up demo data: no real store, person or customer.
import type { ChannelKind, Language, Platform, Role } from '@kefu/contracts';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_STORES: { key: string; name: string; platform: Platform; channels: { kind: ChannelKind; name: string }[] }[] = [
  { key: 'home', name: '鹿野家居旗舰店', platform: 'tmall', channels: [{ kind: 'marketplace_chat', name: '千牛旺旺' }] },
  { key: 'coffee', name: '山茶咖啡 京东店', platform: 'jd', channels: [{ kind: 'marketplace_chat', name: '京东咚咚' }] },
  { key: 'toys', name: '潮玩研究所', platform: 'douyin', channels: [{ kind: 'marketplace_chat', name: '抖店飞鸽' }, { kind: 'social_dm', name: '抖音私信' }] },
  { key: 'kids', name: 'Little Moon 小月亮童装', platform: 'wechat_mini', channels: [{ kind: 'web_chat', name: '小程序客服' }] },
];

export const DEMO_USERS: { email: string; name: string; role: Role; stores: string[]; languages: Language[]; maxConcurrent: number }[] = [
  { email: 'admin@demo.kefu', name: '管理员 Admin', role: 'admin', stores: [], languages: ['zh', 'en'], maxConcurrent: 5 },
  { email: 'supervisor@demo.kefu', name: '林晓 (主管)', role: 'supervisor', stores: [], languages: ['zh', 'en'], maxConcurrent: 5 },
  { email: 'analyst@demo.kefu', name: '周宁 (分析)', role: 'analyst', stores: [], languages: ['zh', 'en'], maxConcurrent: 1 },
  { email: 'agent1@demo.kefu', name: '小美', role: 'agent', stores: ['home', 'coffee', 'toys', 'kids'], languages: ['zh', 'en'], maxConcurrent: 10 },
  { email: 'agent2@demo.kefu', name: '阿杰', role: 'agent', stores: ['coffee', 'toys'], languages: ['zh'], maxConcurrent: 8 },
  { email: 'agent3@demo.kefu', name: 'Lily 莉莉', role: 'agent', stores: ['toys', 'kids'], languages: ['zh', 'en'], maxConcurrent: 8 },
  { email: 'agent4@demo.kefu', name: '大伟', role: 'agent', stores: ['home', 'kids'], languages: ['zh'], maxConcurrent: 8 },
];
