import { findContacts, findPhones } from './contact-detector.js';
import { GuardRuleSet, patternError, verdict, type CheckContext, type RuleDef } from './guard-rule-set.js';
import { prepareText } from './guard-text.js';
import { findIdCards, findNames } from './personal-data-detector.js';

const TAOBAO = ['taobao.com', 'tmall.com', 'tb.cn'];
const contacts = (s: string, hosts: string[] | null = TAOBAO) => findContacts(prepareText(s), hosts).map((h) => ({ what: h.what, text: s.slice(h.start, h.end), value: h.value }));

describe('phone numbers', () => {
  it.each([
    ['拨打13812345678联系我', '13812345678'],
    ['电话 138 1234 5678', '138 1234 5678'],
    ['电话 138-1234-5678 哦', '138-1234-5678'],
    ['手机１３８１２３４５６７８', '１３８１２３４５６７８'],
    ['号码 1\u200b3\u200b8\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8', '1\u200b3\u200b8\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8'],
    ['打 一三八一二三四五六七八', '一三八一二三四五六七八'],
    ['+86 138.1234.5678', '86 138.1234.5678'],
    ['座机 021-5555-1234', '021-5555-1234'],
    ['(010) 8888 6666', '010) 8888 6666'],
    ['400-820-1234 客服', '400-820-1234'],
  ])('finds the number in %j', (text, span) => {
    const hits = findPhones(prepareText(text));
    expect(hits).toHaveLength(1);
    expect(text.slice(hits[0].start, hits[0].end)).toBe(span);
  });

  it.each(['订单号 202612011381234567890 已发货', '价格 138.00 元，共 2 件', '2026-01-05 2026-01-06 之间送达', '第一次购买', '尺码 165/88A'])('finds none in %j', (text) => {
    expect(findPhones(prepareText(text))).toEqual([]);
  });

  it("skips the customer's own number", () => {
    expect(findContacts(prepareText('您的电话 13812345678 对吗'), TAOBAO, ['13812345678'])).toEqual([]);
  });
});

describe('WeChat and QQ ids', () => {
  it.each([
    ['加我微信 kefu2024', '微信 kefu2024'],
    ['威信：shop_888', '威信：shop_888'],
    ['VX：abc12345', 'VX：abc12345'],
    ['ｖｘ abc12345', 'ｖｘ abc12345'],
    ['my wechat id is kefu_2024', 'wechat id is kefu_2024'],
    ['加V：xiaomei99', '加V：xiaomei99'],
    ['QQ 12345678', 'QQ 12345678'],
    ['wеchat: shop2024', 'wеchat: shop2024'], // Cyrillic е
    ['微\u200b信 kefu2024', '微\u200b信 kefu2024'],
  ])('finds the id in %j', (text, span) => {
    const hits = contacts(text).filter((h) => h.what === 'im_id' || h.what === 'phone');
    expect(hits.map((h) => h.text)).toEqual([span]);
  });

  it.each(['微信支付可以吗', 'my wechat is broken', 'the new xbox2024 is here', '支持QQ音乐会员'])('finds none in %j', (text) => {
    expect(contacts(text)).toEqual([]);
  });
});

describe('links', () => {
  it('flags links off the platform, not on it', () => {
    expect(contacts('看这里 https://shop.example.com/a 或 item.taobao.com/x').map((h) => h.value)).toEqual(['shop.example.com']);
    expect(contacts('网址 evil。com')).toHaveLength(1);
    expect(contacts('网址 https://shop.example.com', null)).toEqual([]);
  });
});

describe('personal data', () => {
  it('finds ID card numbers and names', () => {
    const t = prepareText('身份证 11010519491231002X，王小明的订单');
    expect(findIdCards(t)).toHaveLength(1);
    expect(findNames(t, ['王小明']).map((h) => t.original.slice(h.start, h.end))).toEqual(['王小明']);
  });
});

const rule = (r: Partial<RuleDef> & Pick<RuleDef, 'id' | 'kind' | 'action'>): RuleDef => ({ storeId: null, platform: null, category: null, message: { zh: '不行', en: 'no' }, effectiveAt: new Date(0), status: 'active', ...r });
const ctx: CheckContext = { storeId: 's1', platform: 'jd', categories: ['food'], now: new Date(), allowedHosts: ['jd.com'] };

describe('rule set', () => {
  const set = new GuardRuleSet([
    rule({ id: 'abs', kind: 'term', action: 'warn', terms: ['第一', '最好', 'number one'], exceptions: ['第一次'] }),
    rule({ id: 'cue', kind: 'term', action: 'block', terms: ['加微信'] }),
    rule({ id: 'food', kind: 'term', action: 'warn', category: 'food', terms: ['治疗'] }),
    rule({ id: 'cosm', kind: 'term', action: 'warn', category: 'cosmetics', terms: ['祛斑'] }),
    rule({ id: 'tmall', kind: 'term', action: 'warn', platform: 'tmall', terms: ['京东'] }),
    rule({ id: 'other', kind: 'term', action: 'block', storeId: 's2', terms: ['你好'] }),
    rule({ id: 'later', kind: 'term', action: 'block', terms: ['包邮'], effectiveAt: new Date(Date.now() + 60_000) }),
    rule({ id: 'off', kind: 'term', action: 'block', terms: ['发货'], status: 'disabled' }),
    rule({ id: 'pat', kind: 'pattern', action: 'warn', pattern: 'sku-\\d{4}' }),
    rule({ id: 'contact', kind: 'contact', action: 'block' }),
  ]);
  const check = (s: string) => set.evaluate(prepareText(s), ctx).map((v) => [v.ruleId, s.slice(v.start, v.end)]);

  it('matches terms through spaces, punctuation, full width and traditional characters, with offsets into the text', () => {
    expect(check('我们是第 一 名')).toEqual([['abs', '第 一']]);
    expect(check('加.微.信吧')).toEqual([['cue', '加.微.信']]);
    expect(check('加微信吧')).toEqual([['cue', '加微信']]);
    expect(check('最好的')).toEqual([['abs', '最好']]);
    expect(check('We are NUMBER  ONE!')).toEqual([['abs', 'NUMBER  ONE']]);
  });

  it('keeps exceptions and word boundaries', () => {
    expect(check('第一次购买')).toEqual([]);
    expect(check('someone is number oneself')).toEqual([]);
  });

  it('applies rules by category, platform, store, instant and status', () => {
    expect(check('可以治疗')).toEqual([['food', '治疗']]);
    expect(check('可以祛斑 京东 你好 包邮 发货')).toEqual([]);
  });

  it('runs patterns and the contact detector', () => {
    expect(check('SKU-1234 到了，电话13812345678')).toEqual([
      ['pat', 'SKU-1234'],
      ['contact', '13812345678'],
    ]);
  });

  it('decides block over warn', () => {
    expect(verdict(set.evaluate(prepareText('第一 加微信'), ctx))).toBe('blocked');
    expect(verdict(set.evaluate(prepareText('第一'), ctx))).toBe('confirm');
    expect(verdict(set.evaluate(prepareText('您好'), ctx))).toBe('ok');
  });

  it('refuses patterns RE2 cannot run in linear time, and empty-matching ones', () => {
    expect(patternError('(?<=a)b')).toMatch(/not a valid pattern/);
    expect(patternError('a*')).toMatch(/empty/);
    expect(patternError('(a+)+b')).toBeNull();
  });

  it('does not hang on a pathological pattern and text', () => {
    const slow = new GuardRuleSet([rule({ id: 'p', kind: 'pattern', action: 'warn', pattern: '(a|aa)*c' })]);
    const started = process.hrtime.bigint();
    expect(slow.evaluate(prepareText('a'.repeat(10_000)), ctx)).toEqual([]);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  });
});
