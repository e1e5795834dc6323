import type { guardSavedEn } from './messages.en';

/** 保存快捷短语或知识库文章时的违规提醒（简体中文）。 */
export const guardSavedZh: typeof guardSavedEn = {
  title: '已保存。客服使用时会违反以下回复规则：',
  titleBlock: '已保存，但违反了禁止类规则：客服无法原样发送。',
  field: '{{field}}：',
  dismiss: '知道了',
};
