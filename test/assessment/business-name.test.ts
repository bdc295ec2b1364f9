import { describe, expect, it } from 'vitest';
import { businessNameFrom } from '../../src/assessment/business-name.ts';

describe("a business's name in the message that describes it", () => {
  it.each([
    ['Công ty TNHH Điện Tử Minh Phát bán lẻ đồ điện tử, 50 nhân viên, bán trên Shopee', 'Công ty TNHH Điện Tử Minh Phát'],
    ['Cong ty TNHH Minh Phat ban le do dien tu, 50 nhan vien', 'Cong ty TNHH Minh Phat'],
    ['Shop Mây Store chuyên quần áo online, 3 người', 'Shop Mây Store'],
    ['Công ty Cổ phần Sữa Việt, sản xuất sữa, 300 nhân viên', 'Công ty Cổ phần Sữa Việt'],
    ['Chào bạn, bên mình là Công ty TNHH Gia Dụng Xanh, bán đồ gia dụng trên Shopee và Lazada', 'Công ty TNHH Gia Dụng Xanh'],
    ['Công ty TNHH Thiết Bị Y Tế Cơ Bản có 20 nhân viên', 'Công ty TNHH Thiết Bị Y Tế Cơ Bản'],
  ])('"%s" names %s', (text, name) => {
    expect(businessNameFrom(text)).toBe(name);
  });

  it.each(['Cửa hàng Tạp Hóa Lan', 'chúng tôi bán online, 5 người', 'bán quần áo trên Facebook'])('"%s" is a name alone or a description alone', (text) => {
    expect(businessNameFrom(text)).toBeNull();
  });
});
