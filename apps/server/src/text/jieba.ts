// One jieba segmenter for the process (its dictionary is large), taught the shop words customers
// and agents use, for the knowledge base and the root-cause classifier alike.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Shop vocabulary jieba's general dictionary splits apart (价保 → 价/保) or does not know. */
const SHOP_WORDS = [
  '质量问题',
  '开线',
  '漏液',
  '过敏',
  '假货',
  '正品',
  '赠品',
  '满减',
  '优惠券',
  '降价',
  '物流',
  '快递员',
  '派送',
  '态度差',
  '价保',
  '保价',
  '补差价',
  '退差价',
  '运费险',
  '退货险',
  '七天无理由',
  '7天无理由',
  '无理由',
  '偏小',
  '偏大',
  '码数',
  '尺码表',
  '到账',
  '开票',
  '换货',
  '换码',
  '补发',
  '漏发',
  '少发',
  '错发',
  '发错',
  '缺件',
  '少件',
  '催单',
  '签收',
  '拒收',
  '包邮',
  '顺丰',
  '京东快递',
  '质保',
  '保修期',
  '电子发票',
  '纸质发票',
  '税号',
  '礼品包装',
  '贺卡',
  '盲盒',
  '隐藏款',
  '端盒',
  '预售',
  '尾款',
  '定金',
  '花呗',
  '分期',
  '上门安装',
  '送装',
  '赏味期',
  '保质期',
  '磨粉',
  '挂耳',
  '起球',
  '掉色',
  '缩水',
  '色差',
  '破损',
  '压坏',
  '没收到',
  '未收到',
  '不想要',
  '不要了',
  '不喜欢',
  '买错',
  '拍错',
];

/** Frequencies that change how jieba splits shop questions: 开发票 is 开 + 发票 (issue an invoice), not 开发 + 票. */
const FREQUENCY_FIXES = ['开发票 0', '发票 50000'];

let instance: Jieba | undefined;
export function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    instance.loadDict(Buffer.from([...SHOP_WORDS.map((w) => `${w} 20000`), ...FREQUENCY_FIXES].map((line) => `${line} n`).join('\n')));
  }
  return instance;
}
