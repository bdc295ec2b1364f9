import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComplaintExtractor } from '../../src/complaints/complaint-extractor.ts';
import { ProvinceDirectory } from '../../src/complaints/province-directory.ts';
import { knowledgeDir } from '../support/knowledge.ts';

const provinces = ProvinceDirectory.load(path.join(knowledgeDir, 'complaints'));
const extractor = new ComplaintExtractor(provinces);
const today = '2025-03-10';
const read = (text: string, asked: Parameters<ComplaintExtractor['extract']>[1]['asked'] = null) => extractor.extract(text, { today, asked });

describe('reading a whole story at once', () => {
  it('captures every fact it carries, with diacritics', () => {
    const e = read('Hôm qua tôi mua cái nồi chiên không dầu trên Shopee của shop Mây Store giá 1tr2, dùng 2 ngày thì hỏng. Tôi muốn hoàn tiền. Tôi tên là Nguyễn Thị Lan, sđt 0912 345 678, ở Đà Nẵng.');
    expect(e.values).toMatchObject({
      product: 'nồi chiên không dầu',
      platform: 'Shopee',
      businessName: 'Mây Store',
      purchaseDate: '2025-03-09',
      amountVnd: 1_200_000,
      purchaseChannel: 'online',
      desiredResolution: ['refund'],
      consumerName: 'Nguyễn Thị Lan',
      phone: '0912345678',
      province: 'Đà Nẵng',
    });
    expect(e.problems).toEqual([]);
    expect(e.isStory).toBe(true);
  });

  it('reads the same story typed without diacritics', () => {
    const e = read('hom qua toi mua tai nghe tren lazada het 500k, bi loi 1 ben, toi muon doi cai moi. ten toi la lan, sdt 0987654321, o da nang');
    expect(e.values).toMatchObject({ product: 'tai nghe', platform: 'Lazada', amountVnd: 500_000, purchaseDate: '2025-03-09', desiredResolution: ['exchange'], consumerName: 'Lan', phone: '0987654321', province: 'Đà Nẵng' });
  });

  it('maps a former province to today\'s and keeps the old name', () => {
    expect(read('tôi ở Bình Dương').values).toMatchObject({ province: 'Hồ Chí Minh', provinceFormer: 'Bình Dương' });
    expect(read('Vũng Tàu', 'province').values).toMatchObject({ province: 'Hồ Chí Minh', provinceFormer: 'Bà Rịa - Vũng Tàu' });
    expect(read('quê tôi ở Hà Giang').values).toMatchObject({ province: 'Tuyên Quang' });
  });

  it('does not take a person called Hòa Bình for a province, unless asked', () => {
    expect(read('tên tôi là Hòa Bình').values.province).toBeUndefined();
    expect(read('Hòa Bình', 'province').values.province).toBe('Phú Thọ');
  });

  it('infers how the purchase was made', () => {
    expect(read('nhân viên đến nhà tư vấn rồi bán máy lọc nước').values.purchaseChannel).toBe('door_to_door');
    expect(read('tôi tham gia bán hàng đa cấp').values.purchaseChannel).toBe('mlm');
    expect(read('nhà mạng tự gia hạn gói cước').values.purchaseChannel).toBe('continuous_service');
    expect(read('mua ở siêu thị').values.purchaseChannel).toBe('in_store');
  });

  it('only takes wishes, not what the shop refused, as the desired resolution', () => {
    expect(read('shop không cho đổi trả').values.desiredResolution).toBeUndefined();
    expect(read('tôi yêu cầu bồi thường và xin lỗi').values.desiredResolution).toEqual(['compensation', 'apology']);
    expect(read('đòi hoàn tiền').values.desiredResolution).toEqual(['refund']);
  });

  it('reads the main facts of a story told in English', () => {
    const e = read('I want to complain: yesterday I bought a phone case on Shopee from shop CaseHub for 150k, it arrived broken, I want a refund. My name is Anna Tran, I live in Hanoi');
    expect(e.values).toMatchObject({ product: 'phone case', businessName: 'CaseHub', platform: 'Shopee', purchaseDate: '2025-03-09', amountVnd: 150_000, desiredResolution: ['refund'], consumerName: 'Anna Tran', province: 'Hà Nội' });
  });
});

describe('answers to a question', () => {
  it('takes the whole answer as the asked value', () => {
    expect(read('Mây Store', 'businessName').values.businessName).toBe('Mây Store');
    expect(read('dạ, tên shop là Giày Xinh 99', 'businessName').values.businessName).toBe('Giày Xinh 99');
    expect(read('cái máy sấy tóc', 'product').values.product).toBe('máy sấy tóc');
    expect(read('nguyễn văn an', 'consumerName').values.consumerName).toBe('Nguyễn Văn An');
    expect(read('1200000', 'amountVnd').values.amountVnd).toBe(1_200_000);
    expect(read('hoàn tiền và xin lỗi', 'desiredResolution').values.desiredResolution).toEqual(['refund', 'apology']);
  });

  it('asks back when the answer is not usable', () => {
    expect(read('không nhớ', 'purchaseDate').problems).toEqual([{ field: 'purchaseDate', kind: 'unknown' }]);
    expect(read('năm ngoái', 'purchaseDate').problems).toEqual([{ field: 'purchaseDate', kind: 'unknown' }]);
    expect(read('abc', 'contact').problems).toEqual([{ field: 'contact', kind: 'unrecognized' }]);
    expect(read('12345', 'consumerName').problems).toEqual([{ field: 'consumerName', kind: 'unrecognized' }]);
    expect(read('Atlantis', 'province').problems).toEqual([{ field: 'province', kind: 'unrecognized' }]);
  });

  it('reports invalid values with their reason', () => {
    expect(read('mua ngày 20/3/2025').problems).toEqual([{ field: 'purchaseDate', kind: 'future' }]);
    expect(read('0 đồng', 'amountVnd').problems).toEqual([{ field: 'amountVnd', kind: 'zero' }]);
    expect(read('+1 415 555 0100', 'contact').problems).toEqual([{ field: 'contact', kind: 'phone_invalid' }]);
  });
});

describe('corrections', () => {
  it('notices "à nhầm" and takes the corrected value', () => {
    const e = read('à nhầm, 1tr5 chứ');
    expect(e.correction).toBe(true);
    expect(e.values.amountVnd).toBe(1_500_000);
  });

  it.each(['sửa lại ngày mua 12/3', 'không phải 1tr2 mà là 1tr5', 'nham roi, sdt 0912000111'])('treats "%s" as a correction', (text) => {
    expect(read(text).correction).toBe(true);
  });

  it('is not fooled by ordinary sentences', () => {
    expect(read('shop giao hàng chậm').correction).toBe(false);
  });
});

describe('ways of writing a fact that the first build missed', () => {
  it.each([
    ['giá 1.250.000đ, nhân viên bảo', 1_250_000],
    ['giá 389.000đ.', 389_000],
    ['It cost 1,850,000 VND.', 1_850_000],
  ])('reads the amount in "%s" even when the sentence goes on', (text, amount) => {
    expect(read(text).values.amountVnd).toBe(amount);
  });

  it.each([
    ['Nguyễn Văn Bình, 0987654321, nvbinh@example.com, Khánh Hòa', 'Khánh Hòa'],
    ['mua ở Điện Máy Chợ Lớn quận 5', 'Hồ Chí Minh'],
    ['số 45 Lê Lợi, phường Thuận Hóa, Huế, giá 1tr', 'Huế'],
    ['112 Trần Phú, phường Vĩnh Thanh, Rạch Giá', 'An Giang'],
  ])('finds the province in "%s" without "ở"', (text, province) => {
    expect(read(text).values.province).toBe(province);
  });

  it.each([
    ['mua cái quạt ở Điện Máy Chợ Lớn quận 5', 'Điện Máy Chợ Lớn'],
    ['I bought a city bike at Xe Đạp Thống Nhất Store in Hanoi', 'Xe Đạp Thống Nhất Store'],
    ['ở cửa hàng Giày Da Thành Công, số 45 Lê Lợi', 'Cửa hàng Giày Da Thành Công'],
    ['của shop "Phụ Kiện 3K Official" trên Lazada', 'Phụ Kiện 3K Official'],
    ['mua ở Điện Máy Xanh Biên Hòa', 'Điện Máy Xanh'],
    ['ra Trung tâm Anh ngữ Smart Kids 88 đăng ký', 'Trung tâm Anh ngữ Smart Kids 88'],
  ])('reads the seller in "%s"', (text, seller) => {
    expect(read(text).values.businessName).toBe(seller);
  });

  it('takes no place and no pronoun for a seller', () => {
    expect(read('tôi mua ở Đà Nẵng hôm qua').values.businessName).toBeUndefined();
    expect(read('mua của tôi').values.businessName).toBeUndefined();
  });

  it('reads a bought-in-person sale from a named seller without a platform', () => {
    expect(read('mua cái quạt ở Điện Máy Chợ Lớn').values.purchaseChannel).toBe('in_store');
    expect(read('đặt hàng của shop Mây Store, giao hàng bị vỡ').values.purchaseChannel).not.toBe('in_store');
  });

  it.each([
    ['Lam Van Phuc, 0919 662 083', 'Lam Van Phuc'],
    ["I'm Sarah Nguyen, sarah@example.com", 'Sarah Nguyen'],
    ['Mẹ tôi tên Đặng Thị Lan, liên hệ qua email', 'Đặng Thị Lan'],
    ['bà e tên Lê Thị Út, ở Bến Tre', 'Lê Thị Út'],
    ['Em là Đỗ Minh Quân, email quan@example.com', 'Đỗ Minh Quân'],
  ])('reads the name in "%s"', (text, name) => {
    expect(read(text).values.consumerName).toBe(name);
  });

  it('does not take a place before a comma for a name', () => {
    expect(read('Tôi ở Hòa Bình, tên Phùng Thị Xuân').values.consumerName).toBe('Phùng Thị Xuân');
  });

  it.each([
    ['muốn nhà hàng bồi thường viện phí và xin lỗi gia đình tôi', ['compensation', 'apology']],
    ['tôi muốn cửa hàng trả lại tiền, còn nếu không được thì đổi máy mới', ['refund', 'exchange']],
    ['I want my money back, not a voucher', ['refund']],
    ['mún lấy lại tiền vs hủy gói', ['refund', 'stop_practice']],
  ])('reads every remedy of "%s" in the order said', (text, wanted) => {
    expect(read(text).values.desiredResolution).toEqual(wanted);
  });

  it('keeps model numbers in a product but not the price', () => {
    expect(read('mua tivi Sony 55 inch giá 15tr5').values.product).toBe('tivi Sony 55 inch');
    expect(read('ký hợp đồng mua máy lọc nước 15 triệu').values.product).toBe('máy lọc nước');
    expect(read('Tôi mua đôi giày da nam ở chợ').values.product).toBe('giày da nam');
  });
});

describe('a sentence that opens with the thing bought', () => {
  it('reads "Tủ lạnh Panasonic mua ở Nguyễn Kim" as product and seller', () => {
    expect(read('Tủ lạnh Panasonic mua ở Nguyễn Kim còn bảo hành').values).toMatchObject({ product: 'tủ lạnh Panasonic', businessName: 'Nguyễn Kim', purchaseChannel: 'in_store' });
  });
});

describe('corrections and look-alikes', () => {
  it('keeps the corrected amount, not the one denied after "chứ không phải"', () => {
    expect(read('À nhầm, giá là 16tr5 chứ không phải 15tr5').values.amountVnd).toBe(16_500_000);
  });

  it('does not take "24/7" in a gym\'s name for a date, nor "thuê bao" for a subscription', () => {
    expect(read('Phòng tập Fit Zone 24/7 ở Cầu Giấy').values.purchaseDate).toBeUndefined();
    expect(read('gọi lại thì thuê bao, chặn Zalo').values.purchaseChannel).not.toBe('continuous_service');
  });
});
