// Made-up customer lines, as buyers write them on Taobao, JD, Douyin and mini-programs.
export interface Line {
  lang: 'zh' | 'en';
  text: string;
}

const zh = [
  '你好,请问什么时候发货?',
  '在吗?我昨天拍的还没发货',
  '快递三天了还没到,能帮我查一下吗',
  '物流一直显示在中转,是不是丢件了',
  '显示已签收,但我没收到货啊',
  '收到的杯子碎了,包装都压扁了',
  '衣服有色差,跟图片完全不一样',
  '尺码偏小,能换大一码吗?',
  '买了两件只收到一件',
  '赠品没有收到,说好的送杯垫呢',
  '用了两天就坏了,开不了机',
  '面霜用了脸上过敏起红疹',
  '我不想要了,可以七天无理由退货吗',
  '拍错颜色了,能改成白色吗',
  '刚买完就降价了,可以保价退差价吗',
  '优惠券没用上,能补偿吗',
  '请问可以开发票吗?公司抬头',
  '地址填错了,麻烦帮我改一下',
  '客服回复太慢了,等了半天',
  '这个咖啡豆是哪天烘焙的?',
  '宝宝一岁半,穿多大码合适?',
  '盲盒可以指定款式吗?',
  '沙发什么时候能送货上门安装?',
  '退货地址是哪里?运费谁出',
  '好的,谢谢',
  '还在吗?怎么不回复',
];

const en = [
  'Hi, when will my order ship?',
  'My parcel has been stuck in transit for 4 days',
  'Tracking says delivered but I never got it',
  'The mug arrived broken, the box was crushed',
  'The colour is different from the photos',
  'The size runs small, can I exchange for a larger one?',
  'I ordered two but only received one',
  'It stopped working after two days',
  'I changed my mind, can I return it?',
  'The price dropped right after I bought it, can you refund the difference?',
  'Can I get an invoice for my company?',
  'I need to change my delivery address please',
  'Which size fits an 18 month old?',
  'Is this coffee freshly roasted?',
  'Hello? Anyone there?',
  'Thanks, that helps!',
];

export const LINES: Line[] = [...zh.map((text) => ({ lang: 'zh' as const, text })), ...en.map((text) => ({ lang: 'en' as const, text }))];

export const CUSTOMER_NAMES: Record<Line['lang'], string[]> = {
  zh: ['小王', '林女士', '张先生', '陈小姐', '刘同学', '赵阿姨', '周周', '吴先生', '郑女士', '孙小姐', '何先生', '黄小姐', '叶子', '阿明', '小雨'],
  en: ['Emily C.', 'Jason L.', 'Sophie W.', 'Mark T.', 'Chloe Z.', 'Daniel K.', 'Grace H.', 'Ryan P.'],
};
