import { describe, expect, it } from 'vitest';
import { fraudSignals } from '../../src/complaints/fraud-signals.ts';

describe('fraudSignals: a scam', () => {
  it.each([
    ['paid, then blocked', 'Tôi chuyển khoản 2 triệu mua điện thoại qua Facebook, xong họ chặn tôi luôn'],
    ['no diacritics', 'chuyen khoan 900k mua giay qua zalo, sau do bi chan zalo, goi thi thue bao'],
    ['teencode', 'e ck 500k mua son qua insta xog bị block lun r'],
    ['deposit, page deleted', 'Đặt cọc 1 triệu thuê homestay qua một fanpage, hôm sau trang đã bị xóa, gọi không liên lạc được'],
    ['account gone', 'chuyển khoản 800k mua quần áo qua zalo, giờ nick zalo đó mất luôn'],
    ['worthless parcel paid on delivery', 'Thanh toán khi nhận hàng 2 triệu, mở ra chỉ có cục gạch'],
    ['English, blocked', 'I paid 3,000,000 VND by bank transfer for two tickets and now the page has blocked me.'],
    ['English, vanished', 'I paid a deposit for a used laptop on Facebook and the seller disappeared.'],
    ['English, worthless and unreachable', 'I paid for a phone and got a box of rocks; his number is switched off now.'],
  ])('%s', (_, story) => {
    expect(fraudSignals(story).fraud).toBe(true);
  });

  it('names the signals it read', () => {
    expect(fraudSignals('chuyển khoản rồi bị shop chặn').signals).toEqual(expect.arrayContaining(['paid', 'blocked']));
  });
});

describe('fraudSignals: a dispute with a business that still answers', () => {
  it.each([
    ['counterfeit, seller answers', 'Shop bán nước hoa fake, nhắn tin thì shop vẫn trả lời, khẳng định hàng auth và không nhận lại'],
    ['counterfeit called a scam', 'shop lừa đảo bán hàng nhái, nhưng vẫn nhắn tin với tôi, chỉ là không chịu hoàn tiền'],
    ['late delivery, seller answers', 'Đã chuyển khoản đủ, 5 tuần chưa giao, nhân viên vẫn nghe máy và hẹn tuần sau'],
    ['silent marketplace seller', 'Nhận về vỏ gối bị thủng, yêu cầu đổi thì nhà bán trên Tiki không phản hồi 10 ngày nay'],
    ['stopped at the door is not blocked', 'Bảo vệ chặn tôi lại ở cửa, bắt mở túi dù tôi đã thanh toán'],
    ['a hotline that does not answer', 'Đã chuyển khoản mua máy giặt, giờ gọi tổng đài bảo hành không liên lạc được'],
    ['floor tiles are not a brick', 'Mua gạch lát nền, đã chuyển khoản, về thì gạch bị nứt nhiều viên'],
    ['a subscription is not a dead number', 'Tôi đã thanh toán cước, thuê bao internet vẫn bị cắt'],
    ['English, seller replies', 'I paid for a jacket online; it arrived torn and the seller says he will refund next week.'],
    ['no diacritics, refund refused', 'toi tra hang roi ma shop tu choi hoan tien, van nhan tin tra loi nhung khong giai quyet'],
  ])('%s', (_, story) => {
    expect(fraudSignals(story).fraud).toBe(false);
  });
});

describe('the seller took the money, then cut the buyer off', () => {
  it('"nhận tiền" is the seller\'s side of a payment', () => {
    expect(fraudSignals('Shop Facebook "Kho Sỉ Giày" nhận 1tr250 tiền đôi giày rồi chặn mình luôn.').fraud).toBe(true);
    expect(fraudSignals('Page nhận 2tr tiền hộp sâm rồi chặn tôi luôn.').fraud).toBe(true);
    // Receiving the goods is no payment, and a seller who still answers is a dispute.
    expect(fraudSignals('Tôi nhận hàng bị vỡ, shop vẫn trả lời nhưng không đổi.').fraud).toBe(false);
  });
});
