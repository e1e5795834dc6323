import { describe, expect, it } from '@jest/globals';
import { charGrams, gapKey, gluedOf, indexWords, normalizeText, questionOf, queryWords, readQuery, SEARCH_EMPHASIS, specificity, titleWordCount } from './kb-tokenizer.js';

const texts = (q: string) => queryWords(q).map((w) => w.text);

describe('kb tokenizer', () => {
  it('segments a chatty customer message into its question words, dropping greetings, particles and order numbers', () => {
    expect(texts('亲,我买的鞋子码数偏小能换吗,订单号123456')).toEqual(['买', '鞋子', '码数', '偏小', '换']);
    expect(texts('你好！请问在吗～')).toEqual([]);
    expect(texts('快递三天了还没到，我要退货')).toEqual(['快递', '三天', '退货']);
  });

  it('keeps shop words whole and splits 开发票 as 开 + 发票', () => {
    expect(texts('价保怎么申请')).toEqual(['价保', '申请']);
    expect(texts('请问可以开发票吗')).toEqual(['开', '发票']);
    expect(texts('运费险')).toEqual(['运费险']);
  });

  it('takes apart what jieba glued to filler (能换 → 换) but keeps unknown words whole', () => {
    expect(texts('这个能换吗')).toEqual(['换']);
    expect(texts('发漂')).toEqual(['发漂']);
  });

  it('knows what jieba glued out of words of general language, and leaves words and unknown names alone', () => {
    const [glued] = queryWords('粮猫');
    expect(glued.text).toBe('粮猫');
    expect(glued.glued?.map((w) => [w.text, w.start, w.end])).toEqual([['粮', 0, 1], ['猫', 1, 2]]);
    expect(gluedOf('退货')).toBeNull();
    expect(gluedOf('七天无理由')).toBeNull();
  });

  it('reads 几 + a measure, 多大, and a sentence ending in 不 as asking', () => {
    const emphasis = (text: string) => Object.fromEntries(readQuery(text).words.map((w) => [w.text, w.emphasis]));
    expect(emphasis('一天喂几顿 一顿多少啊')).toMatchObject({ 喂: 1, 多少: 1 });
    expect(emphasis('昨天买了三袋猫砂，快递员能送上楼不')).toMatchObject({ 三袋: SEARCH_EMPHASIS.story, 上楼: 1 });
    expect(emphasis('我家狗十斤，穿多大的')).toMatchObject({ 十斤: 1, 穿: 1 });
  });

  it('gives compounds their parts, for articles that hold them in pieces', () => {
    const [word] = queryWords('专用发票');
    expect(word.text).toBe('专用发票');
    expect(word.parts.map((p) => p.text)).toEqual(['专用', '发票']);
  });

  it('folds case and width; keeps English words for the english stemmer; drops tracking numbers', () => {
    expect(normalizeText('ＲＥＦＵＮＤ  Please')).toBe('refund please');
    expect(texts('Hi, REFUNDS please SF1234567890')).toEqual(['refunds']);
  });

  it('indexes search-mode words without placeholders, so a query for a part finds the compound', () => {
    const words = indexWords('{customerName}您好，七天无理由退货');
    expect(words).toEqual(expect.arrayContaining(['七天无理由', '无理', '理由', '退货']));
    expect(words.join(' ')).not.toContain('customername');
  });

  it('rates specific words above generic ones', () => {
    expect(specificity('发票')).toBeGreaterThan(specificity('今天'));
    expect(specificity('起球')).toBeGreaterThan(specificity('一次'));
    expect(specificity('20')).toBeLessThan(specificity('refund'));
    // English by how often it is said: common words say little, as common Chinese ones do.
    expect(specificity('refund')).toBeGreaterThan(specificity('use') + 3);
    expect(specificity('invoice')).toBeGreaterThan(specificity('real'));
    expect(specificity('use')).toBeCloseTo(specificity('使用'), -0.5);
  });

  it("reduces a long message to the question it asks, keeping a short one as it is", () => {
    expect(questionOf('你好，我上个月在你们家买的保温杯。杯子里面有一圈茶垢刷不掉，有什么办法吗')).toBe('杯子里面有一圈茶垢刷不掉，有什么办法吗');
    expect(questionOf('杯子漏水了，我很着急，怎么处理？')).toBe('杯子漏水了，我很着急，怎么处理？');
    expect(questionOf('Hi there, I bought a cardigan last week as a gift. It is too big for her. Can I get a smaller one?')).toBe('It is too big for her. Can I get a smaller one?');
    expect(questionOf('上周收到的大衣，今天穿的时候发现袖口开线了，线头也很多，做工太差了')).toBe('上周收到的大衣，今天穿的时候发现袖口开线了，线头也很多，做工太差了');
  });

  it('gives the Chinese character bigrams of a text beside its words, filler pairs left out', () => {
    expect(charGrams('七天无理由，怎么退？')).toEqual(['~七天', '~天无', '~无理', '~理由', '~么退']);
    expect(charGrams('refund 退款')).toEqual(['~退款']);
    // Of a long message, the bigrams of what it asks.
    expect(readQuery('我上周买的大衣。今天发现开线了，能退吗').grams).toEqual(expect.arrayContaining(['~开线', '~能退']));
    expect(readQuery('我上周买的大衣。今天发现开线了，能退吗').grams).not.toContain('~大衣');
  });

  it('counts title words and normalises gap queries', () => {
    expect(titleWordCount('七天无理由退货怎么申请')).toBe(3);
    expect(gapKey('  今天天气怎么样？？ ')).toBe('今天天气怎么样');
    expect(gapKey('ASDKJH  Qwe!')).toBe('asdkjh qwe');
  });
});
