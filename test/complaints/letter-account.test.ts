import { describe, expect, it } from 'vitest';
import { accountSentences } from '../../src/complaints/letter-account.ts';

describe('the account of what happened, for the letter', () => {
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
