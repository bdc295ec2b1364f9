import { describe, expect, it } from 'vitest';
import { summaryCorrection } from '../../src/complaints/summary-corrections.ts';

describe('corrections typed at the summary', () => {
  it.each([
    ['bên bán là Gia Dụng Xanh', 'businessName', 'Gia Dụng Xanh'],
    ['ben ban la Gia Dung Xanh', 'businessName', 'Gia Dung Xanh'],
    ['tên shop: Mây Store', 'businessName', 'Mây Store'],
    ['sản phẩm là ghế massage Okasa K9 chứ không phải showroom', 'product', 'ghế massage Okasa K9'],
    ['sai số điện thoại, đúng là 0903 123 456', 'contact', '0903 123 456'],
    ['sđt 0912345678', 'contact', '0912345678'],
    ['số tiền 1tr5', 'amountVnd', '1tr5'],
    ['ngày mua là 3/11', 'purchaseDate', '3/11'],
    ['tỉnh là Khánh Hòa', 'province', 'Khánh Hòa'],
    ['địa chỉ shop là 12 Trần Phú, Nha Trang', 'businessAddress', '12 Trần Phú, Nha Trang'],
    ['seller is Luxe Bags Official', 'businessName', 'Luxe Bags Official'],
  ])('"%s" sets %s', (text, field, value) => {
    expect(summaryCorrection(text)).toEqual({ kind: 'set', field, value });
  });

  it.each([
    ['bỏ yêu cầu sửa chữa', ['repair']],
    ['không cần xin lỗi nữa', ['apology']],
    ['remove the apology', ['apology']],
  ])('"%s" removes a remedy', (text, resolutions) => {
    expect(summaryCorrection(text)).toEqual({ kind: 'remove', resolutions });
  });

  it('finds nothing labelled in a plain fact', () => {
    expect(summaryCorrection('1tr5 chứ')).toBeNull();
    expect(summaryCorrection('Nguyễn Văn A')).toBeNull();
  });
});
