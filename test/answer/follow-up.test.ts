import { describe, expect, it } from 'vitest';
import { isFollowUp } from '../../src/answer/follow-up.ts';

describe('isFollowUp', () => {
  it.each(['còn nếu mua online thì sao?', 'con neu mua online thi sao', 'thế còn hàng tặng kèm?', 'vậy thì sao', 'what about online shopping?', 'nếu mua online thì sao', 'Nếu tổng đơn chỉ 3 triệu thì có được trả như vậy không?', 'Nếu đã trả tiền mặt mà họ chỉ đưa phiếu giao hàng, không có hợp đồng giấy, vài hôm sau mình đổi ý thì sao?', 'Còn nếu lúc ký hợp đồng mình đã đồng ý trả trước toàn bộ rồi thì họ thu như vậy có sai không?', 'Điều khoản đó có giá trị không?', 'shop ấy làm vậy có sai không'])(
    'reads "%s" as a follow-up',
    (q) => expect(isFollowUp(q)).toBe(true),
  );
  it.each(['bảo hành mấy lần không sửa được thì phải làm sao', 'shop ko xuat hoa don cho e dc ko', 'Giao dịch từ xa là gì?', 'Nếu shop không xuất hóa đơn thì có vi phạm không?', 'Do shop giao nhầm màu nên tôi muốn đổi, được không?', 'Hợp đồng này có điều khoản phạt gấp đôi có hợp lệ không?', ''])(
    'reads "%s" as a question of its own',
    (q) => expect(isFollowUp(q)).toBe(false),
  );
});

describe('class: a follow-up that adds only when it happened', () => {
  it.each(['Tôi mua từ tháng 2/2024 thì sao?', 'Tôi ký hợp đồng từ tháng 3/2023 thì sao?', 'mua hoi nam 2022 thi sao'])('reads "%s" as a follow-up', (q) => expect(isFollowUp(q)).toBe(true));
  it.each(['Tôi mua tủ lạnh tháng 5 bị hỏng ở cửa hàng gần nhà thì sao?', 'mua điện thoại năm 2023 bị lỗi màn hình, cửa hàng không nhận bảo hành, tôi phải làm gì để đòi quyền lợi?'])(
    'reads "%s" as a question of its own',
    (q) => expect(isFollowUp(q)).toBe(false),
  );
});
