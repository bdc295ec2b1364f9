import { describe, expect, it } from 'vitest';
import { accountSentences, tellsWhatHappened } from '../../src/complaints/story-sentences.ts';

describe('the sentences of a story that say what happened', () => {
  it('keeps what happened and leaves out greetings, contact details, wishes and corrections', () => {
    const story = [
      'Chào bạn, tôi muốn khiếu nại một cửa hàng giày.',
      'Mới đi được hơn hai tuần thì đế giày bong hẳn ra ở mũi',
      'À nhầm, giá là 1tr250 chứ không phải 1tr2.',
      'Tôi muốn họ trả lại tiền. Tôi tên Lê Văn Hùng, số điện thoại 0914 567 223.',
      'Hi, I want to file a complaint. The frame cracked near the seat post! I would like an exchange.',
    ].join('\n');
    expect(accountSentences(story)).toEqual(['Mới đi được hơn hai tuần thì đế giày bong hẳn ra ở mũi.', 'The frame cracked near the seat post!']);
  });

  it('stops before the letter runs long', () => {
    const story = Array.from({ length: 40 }, (_, i) => `Lần thứ ${i + 1} tôi mang máy đi bảo hành mà vẫn hỏng.`).join(' ');
    expect(accountSentences(story, 200).join(' ').length).toBeLessThanOrEqual(200);
  });
});

describe('whether a reply tells the story', () => {
  it('is yes for what happened, even with facts in it, and no for an introduction or a wish', () => {
    expect(tellsWhatHappened('Trưa nay quán hải sản chặt chém, bảng giá ghi 350 nghìn/kg mà tính tôi 1 triệu 2/kg')).toBe(true);
    expect(tellsWhatHappened('Mình tên Phạm Quốc Huy, số điện thoại +84 987 654 321, ở Cần Thơ')).toBe(false);
    expect(tellsWhatHappened('Tôi muốn hoàn tiền')).toBe(false);
  });
});
