import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComplaintExtractor } from '../../src/complaints/complaint-extractor.ts';
import { ProvinceDirectory } from '../../src/complaints/province-directory.ts';
import { summaryCorrection } from '../../src/complaints/summary-corrections.ts';
import { knowledgeDir } from '../support/knowledge.ts';

const provinces = ProvinceDirectory.load(path.join(knowledgeDir, 'complaints'));
const extractor = new ComplaintExtractor(provinces);
const today = '2026-05-20';
const read = (text: string, asked: Parameters<ComplaintExtractor['extract']>[1]['asked'] = null) => extractor.extract(text, { today, asked });

describe('answers checked against the question', () => {
  it('a line that names the seller is not the product', () => {
    const e = read('Cửa hàng Điện Thoại Hưng Phát ở chợ Bến Thành, quận 1', 'product');
    expect(e.values.product).toBeUndefined();
    expect(e.values.businessName).toBe('Cửa hàng Điện Thoại Hưng Phát');
    expect(e.problems).toContainEqual({ field: 'product', kind: 'unrecognized' });
  });

  it('a sentence of the story is neither the product nor the seller', () => {
    expect(read('Mới dùng 3 hôm thì máy đã kêu rè rè', 'product').values.product).toBeUndefined();
    expect(read('She refused to take it back', 'product').values.product).toBeUndefined();
    expect(read('Bình giữ nhiệt bị rỉ nước ngay hôm đầu', 'businessName').values.businessName).toBeUndefined();
    expect(read('The manager said it was my fault', 'businessName').values.businessName).toBeUndefined();
  });

  it('a short answer still is', () => {
    expect(read('cái ấm siêu tốc', 'product').values.product).toBe('ấm siêu tốc');
    expect(read('Gia Dụng Nhà Xinh', 'businessName').values.businessName).toBe('Gia Dụng Nhà Xinh');
    expect(read('shop abc123', 'businessName').values.businessName).toBe('abc123');
  });

  it('a wish is no name', () => {
    expect(read('Thôi, bỏ yêu cầu sửa chữa', 'consumerName').values.consumerName).toBeUndefined();
    expect(read('muon tra hang hoan tien', 'consumerName').values.consumerName).toBeUndefined();
    expect(read('Đỗ Thị Hoàn', 'consumerName').values.consumerName).toBe('Đỗ Thị Hoàn');
  });
});

describe('the seller named as such', () => {
  it('after the word for a seller on a marketplace', () => {
    expect(read('mua nồi cơm điện của nhà bán Gia Dụng Bảo An trên Tiki').values).toMatchObject({ businessName: 'Gia Dụng Bảo An', platform: 'Tiki' });
  });

  it('after "tên", "tự xưng là", "called", not a person introducing themselves', () => {
    expect(read('tôi thấy một trang Facebook tên Đồ Cũ Giá Tốt đăng bán máy ảnh').values.businessName).toBe('Đồ Cũ Giá Tốt');
    expect(read('có người gọi điện tự xưng là Bảo Hiểm Phú An').values.businessName).toBe('Bảo Hiểm Phú An');
    expect(read('I paid a page called Vé Rẻ 24h').values.businessName).toBe('Vé Rẻ 24h');
    expect(read('mẹ tôi tên Hoàng Thị Lý').values.businessName).toBeUndefined();
    expect(read('Công ty tên là Công ty CP Thiết Bị Minh An').values.businessName).toBe('Công ty CP Thiết Bị Minh An');
  });

  it('after English prepositions, brands in lower case first', () => {
    expect(read('I booked a tour with Golden Lotus Travel').values.businessName).toBe('Golden Lotus Travel');
    expect(read('I bought a phone at iStore yesterday').values.businessName).toBe('iStore');
    expect(read('at the 7Days Mart near my hotel').values.businessName).toBe('7Days Mart');
  });

  it('not where the consumer lives', () => {
    expect(read('Tôi là Lê Văn A, tôi ở Vinh, Nghệ An.').values.businessName).toBeUndefined();
  });

  it('keeps a name whose last words look like an administrative word without its accents', () => {
    expect(read('mua ở Điện Máy Phương Nam hôm qua').values.businessName).toBe('Điện Máy Phương Nam');
  });

  it('a platform named only where the seller blocked the buyer is not where it was bought', () => {
    expect(read('xong nó chặn e trên fb luôn').values.platform).toBeUndefined();
    expect(read('mua trên Zalo, giờ bị chặn Zalo rồi').values.platform).toBe('Zalo');
  });
});

describe('summary corrections', () => {
  it('a label without "là" counts for a name only before a capitalised value', () => {
    expect(summaryCorrection('tôi muốn công ty nhận lại hàng')).toBeNull();
    expect(summaryCorrection('cửa hàng Mây Store')).toEqual({ kind: 'set', field: 'businessName', value: 'Mây Store' });
  });
});

describe('products, named the way people write them', () => {
  it('a known product is read whole without diacritics, though its syllables fold like stop words', () => {
    expect(read('hom kia toi mua ly tra sua o quan gan nha').values.product).toBe('tra sua');
    expect(read('toi dat may anh Sony cu tren mang').values.product).toBe('may anh Sony cu');
    expect(read('minh mua tu lanh o cho').values.product).toBe('tu lanh');
  });

  it('with diacritics, as written', () => {
    expect(read('Tôi mua xe đẩy em bé ở chợ').values.product).toBe('xe đẩy em bé');
  });

  it('counting words go, and what the answer goes on with', () => {
    expect(read('Tôi mua 3 tuýp kem đánh răng ở tạp hóa').values.product).toBe('kem đánh răng');
    expect(read('Túi nước giặt ghi 99 nghìn', 'product').values.product).toBe('nước giặt');
    expect(read('áo sơ mi màu trắng size L', 'product').values.product).toBe('áo sơ mi');
  });

  it('a known product named without a buying verb, not a phone number nor inside a name', () => {
    expect(read('Máy lọc không khí nhà tôi mới dùng đã hỏng').values.product).toBe('máy lọc không khí');
    expect(read('Tôi tên Lan, số điện thoại 0912345678').values.product).toBeUndefined();
    expect(read('ăn ở Nhà Hàng Hải Sản Sông Hàn').values.product).toBeUndefined();
  });

  it('the short word is the product named in full elsewhere in the message', () => {
    expect(read('họ bảo nhà nào cũng phải có bình chữa cháy, tôi mua 2 bình').values.product).toBe('bình chữa cháy');
  });

  it('asked for the product, the answer beats a product it merely names', () => {
    expect(read('combo bánh mì thịt nướng', 'product').values.product).toBe('combo bánh mì thịt nướng');
  });
});

describe("the seller's address and where it is", () => {
  it('comma segments after the name, while they are parts of an address', () => {
    expect(read('mua ở cửa hàng Đồng Hồ Kim Phát, số 12 Hai Bà Trưng, phường Lộc Thọ, Nha Trang, giá 2tr').values.businessAddress).toBe('số 12 Hai Bà Trưng, phường Lộc Thọ, Nha Trang');
    expect(read('mua ở Tiệm Vàng Bảo Tín trên đường Lê Lợi, Quy Nhơn hôm qua').values.businessAddress).toBe('đường Lê Lợi, Quy Nhơn');
    expect(read('an o quan Pho Thin Hai Chau, gia 50k').values.businessAddress).toBe('Hai Chau');
    expect(read('I bought shoes at Sneaker Lab in District 3 on 2 May 2026').values.businessAddress).toBe('District 3');
  });

  it('a place name with a price word in it is still the place', () => {
    expect(read('ở cửa hàng Minh Long, 5 Lý Thường Kiệt, Rạch Giá, giá 300k').values.businessAddress).toBe('5 Lý Thường Kiệt, Rạch Giá');
  });

  it('a city alone is where the shop is, not its address, and gives the province until the consumer says theirs', () => {
    const e = read('mua tủ lạnh ở Điện Máy Xanh Việt Trì tuần trước');
    expect(e.values.businessAddress).toBeUndefined();
    expect(e.values).toMatchObject({ province: 'Phú Thọ', provinceOfConsumer: false });
    expect(read('tôi ở Biên Hòa').values).toMatchObject({ province: 'Đồng Nai', provinceOfConsumer: true });
  });

  it('"Shop ghi địa chỉ …" is the seller\'s address', () => {
    expect(read('Shop ghi địa chỉ 8 Trần Hưng Đạo, quận 1.').values.businessAddress).toBe('8 Trần Hưng Đạo, quận 1');
  });

  it('a clinic named after a province keeps its name', () => {
    expect(read('khám ở Phòng khám Nha khoa Thái Bình hôm qua').values.businessName).toBe('Phòng khám Nha khoa Thái Bình');
  });
});

describe('merging a province', () => {
  it("where the consumer lives replaces a province read from the seller's place, not the other way round", async () => {
    const { applyValues } = await import('../../src/complaints/draft-merge.ts');
    const { emptyDraft } = await import('../../src/complaints/complaint-draft.ts');
    const fromSeller = applyValues(emptyDraft(), { province: 'Phú Thọ', provinceOfConsumer: false }, false);
    const told = applyValues(fromSeller, { province: 'Đồng Nai', provinceOfConsumer: true }, false);
    expect(told).toMatchObject({ province: 'Đồng Nai', provinceOfConsumer: true });
    expect(applyValues(told, { province: 'Lâm Đồng', provinceOfConsumer: false }, false).province).toBe('Đồng Nai');
  });
});

describe('dates that are not the purchase', () => {
  const at = (text: string) => extractor.extract(text, { today: '2026-11-20', asked: null }).values.purchaseDate;
  it('an expiry, a bill month, a return, a period', () => {
    expect(at('sáng nay mua hộp sữa chua, hạn sử dụng in tới tháng 12')).toBe('2026-11-20');
    expect(at('hóa đơn tiền nước tháng 9 tăng gấp đôi')).toBeUndefined();
    expect(at('tôi đã gửi trả cái áo cho shop từ 10/11 mà chưa được hoàn tiền')).toBeUndefined();
    expect(at('đặt cọc ngày 2/11 cho tour từ 25 đến 28/11')).toBe('2026-11-02');
  });

  it('"thứ Hai tuần này", "ngày mùng 3", and a day beats "đầu tháng"', () => {
    expect(at('mua hôm thứ Ba tuần này')).toBe('2026-11-17');
    expect(at('đầu tháng này, ngày mùng 3, tôi chuyển khoản')).toBe('2026-11-03');
  });

  it('"à không, … mới đúng" corrects', () => {
    expect(read('À không, ngày 5/4 mới đúng').correction).toBe(true);
  });
});

describe('amounts as people say them', () => {
  it('"N trăm rưỡi", and a street named after a person is no amount', () => {
    expect(read('mua cái ví 3 trăm rưỡi').values.amountVnd).toBe(350_000);
    expect(read('ở cửa hàng Minh Khai, đường Bà Triệu').values.amountVnd).toBeUndefined();
  });

  it('the note handed over is not the price; the total is', () => {
    expect(read('mua nước 12k đưa 20k mà không thối').values.amountVnd).toBe(12_000);
    const e = read('mỗi tháng 99k, trừ 4 tháng, tổng cộng 396k');
    expect(e.values.amountVnd).toBe(396_000);
    expect(e.amountIsTotal).toBe(true);
  });
});

describe('remedies changed in the middle of the story', () => {
  it('"bỏ yêu cầu X, chỉ cần Y" keeps only Y; "bỏ yêu cầu đó" drops the last one', async () => {
    const { applyWishChange } = await import('../../src/complaints/extract-resolution.ts');
    const first = read('Thôi bỏ yêu cầu bảo hành, chỉ cần trả lại tiền');
    expect(applyWishChange(['repair'], ['repair', 'refund'], first.wishChange!)).toEqual(['refund']);
    const second = read('thôi bỏ yêu cầu đó đi');
    expect(applyWishChange(['exchange', 'apology'], ['exchange', 'apology'], second.wishChange!)).toEqual(['exchange']);
    expect(read('Bố tôi muốn hoàn tiền').wishChange).toBeNull();
  });

  it('"đòi tăng thêm", "đối xử" and "chấm dứt hợp đồng" are no exchange and no practice to stop', () => {
    expect(read('toi muon lay lai tien, cua hang doi tang them 2 trieu').values.desiredResolution).toEqual(['refund']);
    expect(read('tôi muốn chấm dứt hợp đồng và hoàn tiền').values.desiredResolution).toEqual(['refund']);
    expect(read('muốn phòng khám làm lại miễn phí').values.desiredResolution).toEqual(['repair']);
  });
});

describe('how it was sold, and who to call back', () => {
  it('a visit to the home, an event, a course, a network', () => {
    expect(read('hôm qua có người đến nhà tôi giới thiệu nồi, tôi mua 1 bộ').values.purchaseChannel).toBe('door_to_door');
    expect(read('mẹ tôi đi hội thảo được tặng quà rồi bị ép mua máy massage').values.purchaseChannel).toBe('other');
    expect(read('tôi đóng học phí trọn khóa 1 năm ở trung tâm').values.purchaseChannel).toBe('continuous_service');
    expect(read('I had to buy a starter kit to become a distributor').values.purchaseChannel).toBe('mlm');
  });

  it('a mobile before a landline', () => {
    expect(read('nhà 0283 822 1234, di động 0912 000 111').values.phone).toBe('0912000111');
  });

  it('a name signed at the end of a message, with a family name', () => {
    expect(read('toi muon shop hoan tien. Tran Thi Bich Ngoc').values.consumerName).toBe('Tran Thi Bich Ngoc');
    expect(read('toi mua o cua hang. Dien May Xanh Cho').values.consumerName).toBeUndefined();
  });

  it('no address from a price, a date or "gần nhà"', () => {
    expect(read('mua son ở cửa hàng Cosmetic Mai 2 trăm rưỡi').values.businessAddress).toBeUndefined();
    expect(read('mua cơm ở quán Cơm Tấm Sài Gòn gần nhà').values.businessAddress).toBeUndefined();
    expect(read('ăn ở Tiệm Bánh Mai Anh gần chợ Bến Thành').values.businessAddress).toBe('gần chợ Bến Thành');
  });

  it('"24/7" belongs to a name', () => {
    expect(read('Phòng tập Gym Max 24/7 ở Cầu Giấy').values).toMatchObject({ businessName: 'Gym Max 24/7', businessAddress: 'Cầu Giấy' });
  });
});

describe('products after other verbs', () => {
  it('the seller selling, a contract, a service named by what is done', () => {
    expect(read('trang đó đăng bán máy ảnh Sony A7 giá rẻ').values.product).toBe('máy ảnh Sony A7');
    expect(read('có người đến tận nhà bán cho mẹ tôi nồi áp suất 3 triệu').values.product).toBe('nồi áp suất');
    expect(read('chúng tôi ký hợp đồng tổ chức tiệc cưới với nhà hàng').values.product).toBe('tổ chức tiệc cưới');
    expect(read('tôi đi khám răng tổng quát ở phòng khám Mai Hoa').values.product).toBe('khám răng tổng quát');
    expect(read('dua xe vao tiem de thay lop xe va ac quy').values.product).toBe('thay lop xe va ac quy');
  });

  it('a deposit is no product; a bill keeps its month; teencode models spelled out', () => {
    expect(read('tôi đặt cọc 5 triệu cho chuyến đi').values.product).toBeUndefined();
    expect(read('Hóa đơn tiền nước tháng 9 cao gấp đôi').values.product).toBe('tiền nước tháng 9');
    expect(read('e mua ốp ip14 ở shop').values.product).toBe('ốp iPhone 14');
  });

  it('in English: "a X I bought", "paid N for a X", bookings and orders', () => {
    expect(read('I got sick from a chicken wrap I bought at the market').values.product).toBe('chicken wrap');
    expect(read('I paid 2,000,000 VND for a yoga course at the studio').values.product).toBe('yoga course');
    expect(read('I have been ordering vegetables through the GreenBox app').values).toMatchObject({ product: 'vegetables', businessName: 'GreenBox' });
  });

  it('the label of a phone number is not the product', () => {
    expect(read('Tôi là Lê Văn Bình, điện thoại 0912 345 678').values.product).toBeUndefined();
  });
});

describe('more ways of naming the thing and the sale', () => {
  it('a known product goes on with what says which one; the shop\'s trade and a cost are not it', () => {
    expect(read('họ giao cho tôi bộ sofa góc bị rách').values.product).toBe('bộ sofa góc');
    expect(read('Tôi muốn khiếu nại tiệm điện thoại gần nhà').values.product).toBeUndefined();
    expect(read('tôi muốn quán bồi thường tiền thuốc').values.product).toBeUndefined();
  });

  it('food eaten is what was bought; "mua vé" is not "mua về"', () => {
    expect(read('Trưa nay ăn bún bò ở quán đầu hẻm bị đau bụng').values.product).toBe('bún bò');
    expect(read('Tôi mua vé xem phim qua app').values.product).toBe('vé xem phim');
  });

  it('a bill keeps its month and a subscription its length', () => {
    expect(read('Cước internet tháng 9 bị tính gấp đôi, gói của tôi chỉ 200k', 'product').values.product).toBe('cước internet tháng 9');
    expect(read('toi dang ky goi tap 3 thang o phong tap gan nha').values.product).toBe('goi tap 3 thang');
  });

  it('glued digits belong to the unit; phone digits are no amount', () => {
    expect(read('chuyen khoan 4tr5 ngay 3/11').values.amountVnd).toBe(4_500_000);
    expect(read('Lê An, 0388 456 789', 'amountVnd').values.amountVnd).toBeUndefined();
  });

  it('delivery is online unless the story says where it was bought; booking sites are online', () => {
    expect(read('mua tủ lạnh ở siêu thị điện máy, có giao hàng tận nơi').values.purchaseChannel).toBe('in_store');
    expect(read('I booked a room at Lotus Hotel through Agoda').values.purchaseChannel).toBe('online');
  });

  it('a gym, a beauty salon, a grocery: the kind is no part of the name; "Q7" is a district', () => {
    expect(read('tập ở phòng tập Elite Fitness Q7').values).toMatchObject({ businessName: 'Elite Fitness', businessAddress: 'Q7', province: 'Hồ Chí Minh' });
    expect(read('mua ở tạp hóa Cô Ba đầu ngõ').values.businessName).toBe('Cô Ba');
  });
});

describe('words that fold alike', () => {
  it('"page Quần Áo …" is no "quán"; "bàn cho 6 người" is no "bán cho"; "iPhone 13 cũ" is no price', () => {
    expect(read('mua ở page Quần Áo Bình Dân trên Facebook').values.businessName).toBe('Quần Áo Bình Dân');
    expect(read('Tối qua tôi đặt bàn cho 6 người ở nhà hàng').values.product).toBeUndefined();
    expect(read('Tôi mua điện thoại iPhone 13 cũ ở cửa hàng').values.product).toBe('điện thoại iPhone 13 cũ');
  });

  it('a corrected date drops the one denied; teencode days', () => {
    expect(extractor.extract('À nhầm, tôi mua ngày 11/11 chứ không phải 10/11', { today: '2026-11-20', asked: null }).values.purchaseDate).toBe('2026-11-11');
    expect(extractor.extract('hnay e mua', { today: '2026-11-20', asked: null }).values.purchaseDate).toBe('2026-11-20');
    expect(extractor.extract('mua hum thứ 2 tuần trc', { today: '2026-11-20', asked: null }).values.purchaseDate).toBe('2026-11-09');
  });

  it('"quán trả tiền" is a refund, "tôi phải trả tiền" is not', () => {
    expect(read('e mún quán xin lỗi vs trả tiền').values.desiredResolution).toEqual(['apology', 'refund']);
    expect(read('họ bắt tôi phải trả tiền thêm').values.desiredResolution).toBeUndefined();
  });

  it("an online seller's place gives no province", () => {
    expect(read('mua của shop Đồ Gỗ Việt Trì trên Shopee').values.province).toBeUndefined();
  });
});

describe('a remedy the story implies', () => {
  it('money not refunded, or taken by a seller who vanished, implies a refund that a stated wish replaces', async () => {
    const { applyValues } = await import('../../src/complaints/draft-merge.ts');
    const { emptyDraft } = await import('../../src/complaints/complaint-draft.ts');
    const story = read('Shop đã nhận lại hàng mà vẫn chưa hoàn tiền cho tôi');
    expect(story.values).toMatchObject({ desiredResolution: ['refund'], desiredResolutionImplied: true });
    expect(read('chuyển khoản 2tr xong bị chặn luôn').values.desiredResolution).toEqual(['refund']);
    const draft = applyValues(emptyDraft(), story.values, false);
    expect(applyValues(draft, read('tôi muốn đổi cái mới').values, false).desiredResolution).toEqual(['exchange']);
  });
});

describe('classes found on stories the rules were not written beside', () => {
  it('an address word in lower case ends the seller and starts its address', () => {
    const a = read('may giat mua o cua hang Dien May Thanh Tam duong Nguyen Trai, Vinh ngay 12/3');
    expect(a.values.businessName).toBe('Cửa hàng Dien May Thanh Tam');
    expect(a.values.businessAddress).toBe('duong Nguyen Trai, Vinh');
    const b = read('thay màn hình ở tiệm Sửa Chữa Mobile 79 đường Lê Thánh Tôn, quận 1, TP.HCM');
    expect(b.values.businessName).toBe('Tiệm Sửa Chữa Mobile 79');
    expect(b.values.businessAddress).toBe('đường Lê Thánh Tôn, quận 1, TP.HCM');
    // Capitalised, the word is part of the name.
    expect(read('mua ở Điện Máy Chợ Lớn hôm qua').values.businessName).toBe('Điện Máy Chợ Lớn');
  });

  it('the consumer introducing themselves, or the platform, is no seller; a Title Case kind is part of the name', () => {
    expect(read('họ chỉ gửi email xin lỗi, tôi ở Bắc Giang, tên Mai Anh Tuấn.').values.businessName).toBeUndefined();
    expect(read('Tôi đặt kính qua fanpage Facebook của Mắt Kính Sài Gòn Optic ngày 14/10').values.businessName).toBe('Mắt Kính Sài Gòn Optic');
    expect(read('Tôi mua ít đồ ở cửa hàng Tạp Hóa Thành Công 86, hết 312 nghìn.').values.businessName).toBe('Cửa hàng Tạp Hóa Thành Công 86');
    expect(read("Ordered a power bank on Tiki from seller 'Digital World VN' on 3rd November").values.businessName).toBe('Digital World VN');
    expect(read("Shop 'Nhà Của Mèo 🐱' trên TikTok bán cho mình túi cát").values.businessName).toBe('Nhà Của Mèo');
  });

  it('products after counts, units and English verbs; heads spelled as products', () => {
    expect(read('toi mua 2 kg tao My o sieu thi Bach Hoa Phu Loc').values.product).toBe('tao My');
    expect(read('Tôi mua 50 bao xi măng hôm 20/11').values.product).toBe('xi măng');
    expect(read('Someone sold me 3 cans of Aptamil milk powder on Facebook').values.product).toBe('Aptamil milk powder');
    expect(read('I bought a pair of Nike Air Force 1 from Sneaker Vault').values.product).toBe('Nike Air Force 1');
    expect(read("Got a Philips steam iron from Điện Máy Hoàng Gia on Oct 5th").values.product).toBe('Philips steam iron');
    expect(read('I signed a 12-month membership at Elite Fitness').values.product).toBe('12-month membership');
    expect(read('Xe máy điện VinFast Evo mua tại đại lý VinFast Hưng Thịnh').values.product).toBe('xe máy điện VinFast Evo');
    expect(read('bán cho mình túi cát vệ sinh cho mèo 10kg giá 189k').values.product).toBe('cát vệ sinh cho mèo 10kg');
    expect(read('sau khi mua dt oppo reno 11 o cua hang Di Dong Sao Viet').values.product).toBe('điện thoại oppo reno 11');
    expect(read('mời bố tôi mua máy đo đường huyết kèm que thử').values.product).toBe('máy đo đường huyết');
    expect(read('We booked online a 3-day tour to Sapa with Green Trail Travel').values.product).toBe('3-day tour to Sapa');
    expect(read('Con gái tôi đặt cọc 10 triệu đồng cho Nhà hàng Hoa Sen').values.product).toBeUndefined();
  });

  it('"1.2 million dong" is an amount; "2 Nov" is a date, not a house number', () => {
    const e = read('Got a steam iron at Co.op Xtra on 2 Nov, paid 1.2 million dong.');
    expect(e.values.amountVnd).toBe(1_200_000);
    expect(e.values.businessAddress).toBeUndefined();
  });

  it('"đổi" typed with diacritics is no "đòi"; a contract quoted in a long story removes no wish', () => {
    expect(read('Về nhà mới thấy giày bị bong keo, quay lại đổi thì cửa hàng không cho, tôi muốn trả lại giày và lấy lại tiền').values.desiredResolution).toEqual(['refund']);
    const long = read('I signed a membership on 1 August. The contract says they can change the schedule at any time without refund. Now they closed the pool and refuse to extend. I want a partial refund.');
    expect(long.values.desiredResolution).toEqual(['refund']);
    expect(long.wishChange?.removed ?? []).toEqual([]);
    expect(read('Please help me get compensation for the tour.').values.desiredResolution).toEqual(['compensation']);
  });

  it('paying by transfer at a shop is no online sale; a gym membership is a continuous service', () => {
    expect(read('Tôi mua 50 bao xi măng ở cửa hàng Tân Tiến hôm 20/11, chuyển khoản').values.purchaseChannel).toBe('in_store');
    expect(read('I signed a 12-month membership at Elite Fitness').values.purchaseChannel).toBe('continuous_service');
  });
});

describe('replies that go on with the story', () => {
  it('asked for the remedy, a reply that narrates names one only after a wish word', () => {
    expect(read('Tủ không đông đá, sửa bảo hành 2 lần rồi vẫn không hết', 'desiredResolution').values.desiredResolution).toBeUndefined();
    expect(read('hoàn tiền hoặc đổi cái khác cũng được', 'desiredResolution').values.desiredResolution).toEqual(['refund', 'exchange']);
  });

  it('what the seller asked or did is no wish; a document or a change is no remedy', () => {
    expect(read('sau do ho doi chuyen them tien bao hiem, toi khong chuyen thi bi block').values.desiredResolution ?? []).toEqual([]);
    expect(read('Tôi đề nghị cửa hàng xuất phiếu bảo hành có số IMEI').values.desiredResolution ?? []).toEqual([]);
    expect(read('tôi muốn siêu thị xin lỗi và thay đổi cách đối xử').values.desiredResolution).toEqual(['apology', 'stop_practice']);
    expect(read('Tôi muốn họ trả lại tiền chênh lệch và không được tự ý làm vậy nữa.').values.desiredResolution).toEqual(['refund', 'stop_practice']);
    expect(read('e mún lấy lại 3tr').values.desiredResolution).toEqual(['refund']);
  });

  it('a correction about another event keeps the purchase date; "không đông đá" is no zero amount', () => {
    expect(read('À không, họ sửa 3 lần rồi, lần thứ ba là tuần trước').values.purchaseDate).toBeUndefined();
    expect(read('à nhầm, mua ngày 3/5 chứ').values.purchaseDate).toBe('2026-05-03');
    expect(read('Tủ không đông đá').problems).toEqual([]);
    expect(read('máy tặng kèm, 0 đồng').problems).toContainEqual({ field: 'amountVnd', kind: 'zero' });
  });
});

describe('more classes from the first held-out stories', () => {
  it('a route is no home; ", ở X" ending a contact list is', () => {
    expect(read('Tôi chuyển 5.460.000đ ngày 30/10 để mua 2 vé Hà Nội - Phú Quốc').values.province).toBeUndefined();
    const e = read('Tôi muốn lấy lại tiền. Lê Quang Trung, 0326 778 901, ở Hà Nội');
    expect(e.values.province).toBe('Hà Nội');
    expect(e.values.provinceOfConsumer).toBe(true);
  });

  it("a place inside a seller's name is no branch; one ending it is", () => {
    expect(read('toi do xang o Cay Xang Tan Phu Thinh hom qua').values.province).toBeUndefined();
    expect(read('toi do xang o Cay Xang Tan Phu Thinh hom qua').values.product).toBe('xang');
    expect(read('mua ở Điện Máy Xanh Biên Hòa hôm qua').values.province).toBe('Đồng Nai');
  });

  it('a day-month still ahead this year is the trip, when another date fits this year', () => {
    expect(extractor.extract('chuyển cọc 6 triệu ngày 1/10, tour đi 15/11', { today: '2026-10-24', asked: null }).values.purchaseDate).toBe('2026-10-01');
    expect(extractor.extract('mua ngày 15/11', { today: '2026-10-24', asked: null }).values.purchaseDate).toBe('2025-11-15');
  });

  it('where something was posted is no platform of the sale; "+84 (0)91…" is a phone', () => {
    expect(read("cửa hàng dán ảnh tôi ở cửa, đăng cả lên nhóm Facebook của phường").values.platform).toBeUndefined();
    expect(read('Pham Quynh Chi, +84 (0)91 224 5587, Bac Ninh.').values.phone).toBe('0912245587');
  });

  it('an account sells; a reply with a payment and a time is no seller', () => {
    expect(read('e mua lại cái máy ps5 cũ của 1 ng bán trên nhóm fb, tên acc là Tuấn Hưng Game').values.businessName).toBe('Tuấn Hưng Game');
    expect(read('e cần máy đi học. e tên Lý Gia Huy').values.consumerName).toBe('Lý Gia Huy');
    expect(read('ck cọc 3tr hum thứ 2 tuần này', 'businessName').values.businessName).toBeUndefined();
  });

  it('address words spelled as such; highway stretches; English "order of"; phone orders are remote', () => {
    expect(read('thuê xe của Xe Tự Lái Hưng Thịnh cho chuyến đi Đà Lạt').values.businessAddress).toBeUndefined();
    expect(read('do xang o Cay Xang Tan Phu Thinh tren quoc lo 1A').values.businessAddress).toBe('quoc lo 1A');
    expect(read('A seller called me, said my order of a robot vacuum failed').values.product).toBe('robot vacuum');
    expect(read('Bố tôi gọi điện đặt mua máy cưa của Công ty Việt Star').values.purchaseChannel).toBe('online');
    expect(read('Tôi chưa mua gì của họ').values.product).toBeUndefined();
  });
});

describe('probes in further voices', () => {
  it('"chủ nhật" is a day, yet "bánh sinh nhật" a cake; a price ends an address', () => {
    const e = read('em đặt bánh sinh nhật ở tiệm Bánh Ngọt Mimi đường Nguyễn Văn Cừ, Cần Thơ 450 nghìn');
    expect(e.values.product).toBe('bánh sinh nhật');
    expect(e.values.businessAddress).toBe('đường Nguyễn Văn Cừ, Cần Thơ');
    expect(read('mua áo khoác chủ nhật tuần trước').values.product).toBe('áo khoác');
  });

  it('teencode "mik mun" wishes; an English parent "wants to return it"; "was sold a X by" salesmen at her house', () => {
    expect(read('shop ko cho doi. mik mun tra hang hoan tien').values.desiredResolution).toEqual(['refund']);
    const e = read('My mother was sold a water purifier by two salesmen who came to her house on 3 November. She wants to return it.');
    expect(e.values.product).toBe('water purifier');
    expect(e.values.purchaseChannel).toBe('door_to_door');
    expect(e.values.desiredResolution).toEqual(['refund']);
  });

  it('venues and stalls sell; a capitalised buying verb is part of a name', () => {
    expect(read('mua vé xem phim tại rạp CGV Vincom Bà Triệu qua app').values.businessName).toBe('CGV Vincom Bà Triệu');
    expect(read('mua rau ở sạp cô Tư Hạnh chợ Xóm Mới, Gò Vấp').values.businessAddress).toBe('chợ Xóm Mới, Gò Vấp');
    expect(read('toi bi cong ty bat dong san Dat Xanh Mien Nam goi dien lam phien suot').values.product).toBeUndefined();
  });
});

describe('a scam told in one breath', () => {
  it('the platform leading a name is where the seller is; a name right before a phone number is the consumer', () => {
    const e = read('shop Facebook Hàng Xách Tay Mỹ nhận 3 triệu tiền cọc mua nồi chiên rồi chặn tôi, hôm 10/11. Tôi muốn lấy lại tiền. Lê Văn Tùng 0912345678 ở Đà Nẵng');
    expect(e.values.businessName).toBe('Hàng Xách Tay Mỹ');
    expect(e.values.platform).toBe('Facebook');
    expect(e.values.consumerName).toBe('Lê Văn Tùng');
  });
});

describe('names next to their words', () => {
  it('"Tôi tên La Thị Kim Chi": a capitalised La is a family name; a quoted name after trade words, its address after the quote', () => {
    expect(read('Tôi tên La Thị Kim Chi, 0901 774 260.').values.consumerName).toBe('La Thị Kim Chi');
    const e = read("Quán nhậu 'Ốc Đêm 2Hand Quán' ở phố Tạ Hiện, Hoàn Kiếm tối 13/11 thu thêm phí");
    expect(e.values.businessName).toBe('Ốc Đêm 2Hand Quán');
    expect(e.values.businessAddress).toBe('phố Tạ Hiện, Hoàn Kiếm');
  });

  it('asked for the remedy, "muốn ban quản lý chợ và người bán bồi thường" is a wish though the seller is its subject', () => {
    expect(read('Tôi muốn ban quản lý chợ và người bán bồi thường tiền khám.', 'desiredResolution').values.desiredResolution).toEqual(['compensation']);
  });
});

describe('answers and names with places in them', () => {
  it('asked for the seller, the kind of place before the name and where it is after it are left out', () => {
    expect(read('trại chó Happy Dog ở Thủ Đức', 'businessName').values.businessName).toBe('Happy Dog');
    expect(read('Gia Dụng Nhà Xinh', 'businessName').values.businessName).toBe('Gia Dụng Nhà Xinh');
  });

  it('"Cần Thơ" is no "cần" (need); what the technician did is no wish', () => {
    const e = read('Mua máy lạnh Daikin ở siêu thị điện máy Nguyễn Kim Cần Thơ, thợ đến sửa 4 lần không hết. Giờ tôi muốn đổi máy khác.');
    expect(e.values.desiredResolution).toEqual(['exchange']);
  });
});

describe('the thing acted on', () => {
  it('when nothing names what was bought, the thing to be exchanged is it; not a count, a change or a size', () => {
    expect(read('Cửa hàng không cho tôi đổi váy bị lỗi').values.product).toBe('váy');
    expect(read('Tủ không đông đá, sửa bảo hành 2 lần rồi vẫn không hết').values.product).toBeUndefined();
    expect(read('tôi muốn siêu thị xin lỗi và thay đổi cách đối xử').values.product).toBeUndefined();
    expect(read('shop không cho đổi size').values.product).toBeUndefined();
  });

  it('asked for the product, a piece of an address is something else', () => {
    const e = read('Cửa hàng Thời Trang Lam Anh, đường Lê Thánh Tông, Hạ Long', 'product');
    expect(e.values.product).toBeUndefined();
    expect(e.values.businessAddress).toBe('đường Lê Thánh Tông, Hạ Long');
  });
});

describe('corrections deny a value', () => {
  it('what follows "không phải" or "chứ không phải" is not read; "actually" corrects', () => {
    expect(read('không phải Shopee mà là Lazada').values.platform).toBe('Lazada');
    expect(read('sai rồi, sản phẩm là nồi cơm điện Sharp chứ không phải nồi chiên').values.product).toBe('nồi cơm điện Sharp');
    expect(read('À không phải Len Xinh Store, tên shop là Len Xinh Official').values.businessName).toBe('Len Xinh Official');
    const e = read('actually the shop is called Tech World');
    expect(e.correction).toBe(true);
    expect(e.values.purchaseChannel).toBeUndefined();
  });
});

describe('rentals and gift events', () => {
  it('"rented a motorbike", "the deposit back"; a customer-appreciation gift event is a sale away from a shop', () => {
    const e = read('I rented a motorbike from Sunny Rentals in Hoi An for 3 days, 450k. I want the deposit back.');
    expect(e.values.product).toBe('motorbike');
    expect(e.values.desiredResolution).toEqual(['refund']);
    expect(read('bác tôi bị dụ mua 5 hộp sâm ở buổi tặng quà tri ân khách hàng ở nhà văn hóa phường').values.purchaseChannel).toBe('other');
  });
});

describe('English apposition and sign-offs', () => {
  it('"The seller, X, confirmed": the name set off by commas; a name before "+84 (0)91…" is the consumer', () => {
    expect(read('The seller, Gia Dụng Tiện Ích Store, confirmed the cancellation').values.businessName).toBe('Gia Dụng Tiện Ích Store');
    expect(read('Please help me get the refund. Pham Quynh Chi, +84 (0)91 224 5587, Bac Ninh.').values.consumerName).toBe('Pham Quynh Chi');
  });
});

describe('issue 10, third round: classes the held-out stories missed', () => {
  it('a quoted seller after a kind word and the platform: "shop Facebook "X"", "acc Zalo "X"", "trang fb "X""', () => {
    expect(read('Shop Facebook "Kho Sỉ Giày" nhận 1tr250 rồi chặn mình').values).toMatchObject({ businessName: 'Kho Sỉ Giày', platform: 'Facebook' });
    expect(read('mk ck 2tr4 cho acc Zalo "Hàng Xách Tay - Mẹ Su" để mua sữa').values.businessName).toBe('Hàng Xách Tay - Mẹ Su');
    expect(read('toi chuyen khoan cho trang facebook "Ve Re 24h" de dat ve').values.businessName).toBe('Ve Re 24h');
    // "trang" alone is any page, not a seller.
    expect(read('Trang Sản Phẩm ghi rõ đổi trả 15 ngày').values.businessName).toBeUndefined();
  });

  it('a kind word inside a longer word is no kind ("Shopee Mall" is not a shop called "Mall")', () => {
    expect(read('mua giày trên Shopee Mall của shop Biti\'s Official').values.businessName).toBe("Biti's Official");
  });

  it("the platform's own shop keeps the platform's name: Tiki Trading", () => {
    expect(read('Tôi mua nồi chiên của Tiki Trading ngày 2/11').values).toMatchObject({ businessName: 'Tiki Trading', platform: 'Tiki' });
    expect(read('shop Facebook Hàng Xách Tay Mỹ bán hàng giả').values.businessName).toBe('Hàng Xách Tay Mỹ');
  });

  it('a bank is a kind of business, its branch where it is', () => {
    const e = read('Ngân hàng TMCP Bình Minh chi nhánh Tây Ninh, 210 Cách Mạng Tháng Tám, tự trừ phí');
    expect(e.values.businessName).toBe('Ngân hàng TMCP Bình Minh');
    // A capitalised month inside a street's name does not end the address.
    expect(e.values.businessAddress).toContain('210 Cách Mạng Tháng Tám');
  });

  it("the seller's city ends the address when the story goes on right after it", () => {
    const e = read('Nhà hàng Gió Bấc, 17 Trần Phú, Vũng Tàu tính tiền sai');
    expect(e.values).toMatchObject({ businessAddress: '17 Trần Phú, Vũng Tàu', province: 'Hồ Chí Minh' });
  });

  it("a friend met in the story is neither the seller nor the consumer, their number not the consumer's", () => {
    const e = read('Tôi đi cùng đứa bạn tên Thảo (số nó 0909 112 233). Tôi là Đặng Minh Khoa, số điện thoại 0939 456 781.');
    expect(e.values.businessName).toBeUndefined();
    expect(e.values.phone).toBe('0939456781');
  });

  it('stopping a practice, said as a verb of stopping and what is to stop, or taking a post down', () => {
    expect(read('tôi muốn đại lý ngừng chia sẻ thông tin của tôi và xin lỗi').values.desiredResolution).toEqual(['stop_practice', 'apology']);
    expect(read('Tôi yêu cầu hoàn lại số tiền đã trừ và ngừng thu các khoản phí này.').values.desiredResolution).toEqual(['refund', 'stop_practice']);
    expect(read('toi muon shop go bai va xin loi').values.desiredResolution).toEqual(['stop_practice', 'apology']);
  });

  it('remedy words spelled alike once folded: "đòi lại" asks money back, "đổi lại" an exchange', () => {
    expect(read('Tôi muốn đòi lại 15 triệu đó.').values.desiredResolution).toEqual(['refund']);
    expect(read('Gia đình muốn đòi lại tiền.').values.desiredResolution).toEqual(['refund']);
    expect(read('Tôi muốn đổi lại cái mới.').values.desiredResolution).toEqual(['exchange']);
  });

  it('a remedy word inside a capitalised name is no remedy (Hoàn Kiếm, quán Bà Hoàn)', () => {
    expect(read('Tôi muốn họ bồi thường. Cả nhà phải nhập viện sau khi ăn ở quán Bún Chả, số 8 Hàng Mành, Hoàn Kiếm.').values.desiredResolution).toEqual(['compensation']);
  });
});

describe('issue 10, third round: products and amounts', () => {
  it('the order named: "đơn là X", "đơn hàng là X"', () => {
    expect(read('Đơn là bộ chăn ga gối Everon của Tiki Trading, tôi hủy ngay hôm đặt').values.product).toBe('bộ chăn ga gối Everon');
    expect(read('đơn là cái mũ bảo hiểm 250k đặt hôm 19/11').values.product).toBe('mũ bảo hiểm');
  });

  it('teencode "đk" is đăng ký; "cs" (cơ sở) starts the branch, not the name', () => {
    const e = read('e đk khóa IELTS 6.5 ở trung tâm Anh Ngữ Sky Bridge cs Cầu Giấy hôm 15/6, 9tr2');
    expect(e.values).toMatchObject({ product: 'khóa IELTS 6.5', businessName: 'Trung tâm Anh Ngữ Sky Bridge', businessAddress: 'Cầu Giấy' });
  });

  it('English: "paid for a X", "to book a X"', () => {
    expect(read('I paid for a 12-month membership at "Iron Temple Gym" in Nha Trang').values.product).toBe('12-month membership');
    expect(read('I paid a deposit to the page to book a homestay for 3 nights').values.product).toBe('homestay');
  });

  it('a sum paid for a thing names it: "nhận 1tr250 tiền đôi giày"', () => {
    expect(read('Shop nhận 1tr250 tiền đôi giày rồi chặn mình').values.product).toBe('giày');
    expect(read('tôi chuyển 500k tiền cọc rồi').values.product).toBeUndefined();
  });

  it('what was eaten or drunk, after a counting word', () => {
    expect(read('cháu uống một ly trà sữa ở tiệm Nhà Mèo').values.product).toBe('trà sữa');
  });

  it('without diacritics "ve" before a known ticket is vé, and the route is not part of it', () => {
    expect(read('toi dat ve may bay Ha Noi - Phu Quoc cua trang do').values.product).toBe('ve may bay');
    expect(read('toi mua hang ve nha thi hong').values.product).toBeUndefined();
  });

  it('a deposit or first payment is what was paid, unless the whole price was', () => {
    expect(read('gói 18 triệu, đã đặt cọc 5 triệu, giờ muốn lấy lại tiền cọc').values.amountVnd).toBe(5_000_000);
    expect(read('toi ky mua ghe 38 trieu, tra truoc 10 trieu, con lai tra gop').values.amountVnd).toBe(10_000_000);
    expect(read('I paid a 5,000,000 VND deposit for a 12,000,000 VND package').values.amountVnd).toBe(5_000_000);
    expect(read('xe giá 520 triệu, đã đặt cọc 20 triệu rồi thanh toán đủ').values.amountVnd).toBe(520_000_000);
  });

  it('damages claimed are not the price', () => {
    expect(read('trà sữa giá 45k, tối về nôn. Tôi muốn tiệm bồi thường tiền viện phí 3.200.000đ.').values.amountVnd).toBe(45_000);
  });
});

describe('issue 10, third round: answers, corrections and places', () => {
  it('asked for the name, a reply that says where the consumer lives is no name', () => {
    const e = read('à e ở Đà Lạt', 'consumerName');
    expect(e.values.consumerName).toBeUndefined();
    expect(e.values.province).toBe('Lâm Đồng');
  });

  it('a correction of another fact answers no open question', () => {
    const e = read('à không, số tiền là 521 nghìn, tôi nhớ nhầm', 'product');
    expect(e.values).toMatchObject({ amountVnd: 521_000 });
    expect(e.values.product).toBeUndefined();
  });

  it('a service verb typed with diacritics is spelled as one ("nhổ răng", not "nhớ nhầm")', () => {
    expect(read('tôi đi nhổ răng khôn ở nha khoa Sao Mai').values.product).toBe('nhổ răng khôn');
    expect(read('tôi nhớ nhầm ngày').values.product).toBeUndefined();
  });

  it('where the goods were delivered is where the consumer is', () => {
    expect(read('mua cái bàn trên Lazada, giá 2.890.000đ, giao về Thủ Dầu Một. Hàng về là gỗ MDF').values).toMatchObject({ province: 'Hồ Chí Minh', provinceOfConsumer: true });
  });

  it('a promised refund that has not come implies the refund', () => {
    expect(read('Tiền hoàn 2tr4 mà Tiki hứa từ 10/11 đến giờ vẫn chưa về tài khoản.').values.desiredResolution).toEqual(['refund']);
  });

  it('a deposit told after the total is what was paid so far', () => {
    expect(read('may áo dài cưới, tổng 12 triệu, đã đặt cọc 4 triệu').values.amountVnd).toBe(4_000_000);
    expect(read('toi dat coc 3 trieu, chuyen them 1tr5 tien van chuyen, tong la 4tr5').values.amountVnd).toBe(4_500_000);
  });
});

describe('issue 10, fourth round: products as people name them', () => {
  it('a folded homograph of "mua" is no buying verb: "trời mưa", "múa"', () => {
    expect(read('Hôm đó trời mưa to nên tôi mua ấm siêu tốc ở siêu thị gần nhà').values.product).toBe('ấm siêu tốc');
    expect(read('Con gái tôi học múa ba lê ở trung tâm, tôi mua đôi giày múa 450k').values.product).toBe('giày múa');
  });

  it('how it was bought comes before what: "mua trả góp", "mua qua mạng"', () => {
    expect(read('Tôi mua trả góp xe máy Honda Vision ở Head Hoàng Long').values.product).toBe('xe máy Honda Vision');
    expect(read('em mua qua mạng bộ nồi inox 5 món').values.product).toBe('bộ nồi inox 5 món');
  });

  it('a set meal or gift set is the thing itself; "a set of" counts', () => {
    expect(read('Nhà tôi gọi set nướng 4 người ở quán').values.product).toBe('set nướng 4 người');
    expect(read('I bought a set of kitchen knives').values.product).toBe('kitchen knives');
  });

  it('a compound that starts with a stop word stays whole: giao tiếp, điện từ, trị liệu', () => {
    expect(read('Tôi đăng ký khóa giao tiếp tiếng Hàn ở trung tâm Sao Sáng').values.product).toBe('khóa giao tiếp tiếng Hàn');
    expect(read('mình mua bếp điện từ Sunhouse ở cửa hàng').values.product).toBe('bếp điện từ Sunhouse');
    expect(read('Bố tôi mua đệm trị liệu 15 triệu').values.product).toBe('đệm trị liệu');
  });

  it('a package of a known service is what was bought; "gọi điện thoại" is a call', () => {
    expect(read('Nhà mạng tự gia hạn gói truyền hình cáp mà không hỏi tôi', null).values.product).toBe('gói truyền hình cáp');
    expect(read('Tôi gọi điện thoại cho cửa hàng nhiều lần', null).values.product).toBeUndefined();
  });

  it('a renewal fee names no product: "tiền gia hạn"', () => {
    expect(read('Tài khoản bị trừ 990.000đ tiền gia hạn 12 tháng').values.product).toBeUndefined();
  });

  it('the words that open a correction name nothing: "Cho tôi sửa lại:"', () => {
    const e = read('Cho tôi sửa lại: giá là 3 triệu chứ không phải 2 triệu');
    expect(e.correction).toBe(true);
    expect(e.values.product).toBeUndefined();
    expect(e.values.amountVnd).toBe(3_000_000);
    // A wish for a repair is still one.
    expect(read('muốn shop sửa lại cho tôi').values.desiredResolution).toContain('repair');
  });
});

describe('issue 10, fourth round: sellers and names', () => {
  it('a pronoun inside a word introduces no one: "Tiệm tên X" is the shop\'s name', () => {
    const e = read('Tiệm tên Bánh Mì Cô Sáu ở đầu hẻm');
    expect(e.values.businessName).toBe('Bánh Mì Cô Sáu');
    expect(e.values.consumerName).toBeUndefined();
  });

  it('asked for the seller, a wish with a size or a count is no name', () => {
    expect(read('em chỉ muốn đổi sang size 40 thôi ạ', 'businessName').values.businessName).toBeUndefined();
    expect(read('mình muốn lấy lại 2 triệu thôi', 'businessName').values.businessName).toBeUndefined();
  });

  it('"nhà cung cấp là X", "the provider is X" name the seller', () => {
    expect(read('Nhà cung cấp là VNLink Cable, mình dùng 2 năm rồi').values.businessName).toBe('VNLink Cable');
    expect(read('The provider is SkyFiber and they cut me off').values.businessName).toBe('SkyFiber');
  });

  it('a name after the phone in a dash-separated contact line is the consumer', () => {
    const e = read('SĐT 0912.345.678 – Lê Thị Hồng – nhà ở Nha Trang');
    expect(e.values.consumerName).toBe('Lê Thị Hồng');
    expect(e.values.businessName).toBeUndefined();
  });

  it('"À không phải X, là tiệm Y" corrects the seller in a long reply too', () => {
    const e = read('À không phải Hoa Mai, là tiệm "Hoa Mai Xanh", tiệm Hoa Mai ở bên kia đường. Em muốn đổi cái khác');
    expect(e.correction).toBe(true);
    expect(e.values.businessName).toBe('Hoa Mai Xanh');
  });
});

describe('issue 10, fourth round: what is not the product', () => {
  it('"thuê bao" is a subscription, not renting a "bao"', () => {
    expect(read('nhà mạng tự trừ tiền trên thuê bao trả trước của tôi').values.product).toBeUndefined();
  });

  it('"có" typed with diacritics starts what happened to the thing: "tô phở có con ruồi"', () => {
    expect(read('Quán bán cho tôi tô phở có con ruồi').values.product).toBe('tô phở');
    // Typed as a name, a capitalised "Có" is part of it.
    expect(read('mua áo ở shop Có Gì Đâu').values.businessName).toBe('Có Gì Đâu');
  });

  it('"đổi đúng size" and "để sửa chữa" name no thing', () => {
    expect(read('Shop giao nhầm màu, mình xin đổi đúng màu').values.product).toBeUndefined();
    expect(read('Nhà hàng đóng cửa 2 tuần để sửa chữa mà không báo').values.product).toBeUndefined();
  });

  it('a sum paid for a package or a course names it: "đóng 6tr cho khóa học"', () => {
    expect(read('Tôi đóng 6.500.000đ cho khóa học bơi 3 tháng ở câu lạc bộ').values.product).toBe('khóa học bơi 3 tháng');
  });

  it('a container or a count alone is no answer to "what did you buy?"', () => {
    expect(read('Bé uống hộp sữa tươi mua ở tạp hóa gần nhà, một lốc 4 hộp 28 nghìn', 'product').values.product).toBe('sữa tươi');
  });

  it('an opening that introduces the consumer does not hide the thing; a capitalised verb is part of a name', () => {
    expect(read('Tôi là Lê Văn Tám ở Cao Lãnh. Tôi đưa xe máy vào tiệm Sửa xe Hai Lúa thay nhớt, trả 150 nghìn').values.product).toBe('xe máy');
  });
});

describe('issue 10, fourth round: remedies as people ask for them', () => {
  it('teencode "bh" is bảo hành; "the right size" is an exchange', () => {
    expect(read('e mún đc bh hoặc đổi máy khác ạ').values.desiredResolution).toEqual(['repair', 'exchange']);
    expect(read('They sent the wrong model. I just want the right one.').values.desiredResolution).toEqual(['exchange']);
  });

  it('a remedy then "là được" is the wish', () => {
    expect(read('Đền tiền viện phí cho mẹ tôi là được.').values.desiredResolution).toEqual(['compensation']);
  });

  it('cancelling services switched on unasked, a price kept or listed, is a practice to stop', () => {
    expect(read('Tôi muốn nhà mạng hủy các dịch vụ đó').values.desiredResolution).toEqual(['stop_practice']);
    expect(read('Mình muốn họ giữ nguyên giá như hợp đồng').values.desiredResolution).toEqual(['stop_practice']);
    expect(read('yêu cầu quán phải niêm yết giá').values.desiredResolution).toEqual(['stop_practice']);
  });

  it('a refund refused implies the refund wanted', () => {
    const e = read('The gym closed the pool and refuses any partial refund.');
    expect(e.values.desiredResolution).toEqual(['refund']);
    expect(e.values.desiredResolutionImplied).toBe(true);
  });
});

describe('issue 10, fourth round: how it was bought', () => {
  it('"hôm qua mang ra trả" (yesterday, took it back) is no "qua mạng" (online)', () => {
    expect(read('Em mua cái quạt ở tiệm Gió Mát, hôm qua mang ra đổi thì chủ tiệm không chịu').values.purchaseChannel).toBe('in_store');
    expect(read('tôi mua qua mạng một cái quạt').values.purchaseChannel).toBe('online');
  });
});

describe('issue 10, fifth round: from the fifth sealed split (now development material)', () => {
  it('what the seller sold names the product when nothing else does; "bàn trống" is a table', () => {
    expect(read('Page Phụ Kiện Hoàng bán ốp lưng Samsung S24 giá 150k, tôi chuyển khoản rồi không thấy hàng').values.product).toBe('ốp lưng Samsung S24');
    expect(read('Nhà hàng còn nhiều bàn trống mà không cho bố tôi vào').values.product).toBeUndefined();
  });

  it('counting words of English packs, "5 củ" and "năm ngoái" are no product', () => {
    expect(read('I bought three jars of Nutella Hazelnut Spread at the kiosk').values.product).toBe('Nutella Hazelnut Spread');
    expect(read('mẹ tôi đặt 5 củ hôm 19/10, giá 5tr600').values.product).toBeUndefined();
    expect(read('Áo thì tôi mua năm ngoái, còn giữ hóa đơn').values.product).toBe('áo');
    expect(read('tôi mua năm ngoái, còn giữ hóa đơn').values.product).toBeUndefined();
  });

  it('"my last order was a …" names the order', () => {
    expect(read('My last order was a matcha latte through the app').values.product).toBe('matcha latte');
  });

  it('names keep "&" and a lower-case "và" between capitalised words; "Cho Em" inside a title', () => {
    expect(read('mua ở cửa hàng Mẹ & Bé Cún Con gần nhà').values.businessName).toBe('Cửa hàng Mẹ & Bé Cún Con');
    expect(read('Tôi mua bỉm ở cửa hàng Mẹ và Bé Hạt Đậu trên đường Lê Lợi').values.businessName).toBe('Cửa hàng Mẹ và Bé Hạt Đậu');
    expect(read('mình mua vé concert Những Bài Hát Cho Em giá 1tr2').values.product).toBe('vé concert Những Bài Hát Cho Em');
  });

  it('"a complaint against X", "local brand X" name the seller', () => {
    expect(read("I'd like to file a complaint against Lotus Yoga Studio about my membership").values.businessName).toBe('Lotus Yoga Studio');
    expect(read('mình mua áo trên web của local brand SAIGONESE Wear, 450k').values.businessName).toBe('SAIGONESE Wear');
  });

  it('asked for the seller, a long reply with no name in it is asked again', () => {
    expect(read('mặc rộng quá trời, web ghi rõ đổi size free trong 7 ngày nên mình gửi lại', 'businessName').values.businessName).toBeUndefined();
    expect(read('shop abc123', 'businessName').values.businessName).toBe('abc123');
  });
});
