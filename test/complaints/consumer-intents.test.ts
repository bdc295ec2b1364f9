import { describe, expect, it } from 'vitest';
import { consentFrom, isBareAcknowledgement, isConfirmation, isDenial, isSkip, isThanksOrOk } from '../../src/complaints/consumer-intents.ts';
import { foldPhrase } from '../../src/complaints/folded-text.ts';

const f = foldPhrase;

describe('short replies inside the complaint flow', () => {
  it.each(['đúng', 'đúng rồi', 'ok', 'oke', 'ừ', 'uh', 'chuẩn', 'chuẩn rồi', 'yes', 'gửi', 'gửi đi', 'ok gửi đi', 'send', 'Đúng rồi, gửi đi', 'dung roi nhe', 'yes send it', 'xác nhận'])('"%s" confirms the summary', (text) => {
    expect(isConfirmation(f(text))).toBe(true);
  });

  it.each(['sai', 'chưa đúng', 'không đúng', 'sai rồi', 'cần sửa', 'wrong', 'đúng rồi nhưng sai số điện thoại', 'không phải shop đó'])('"%s" does not confirm it', (text) => {
    expect(isConfirmation(f(text))).toBe(false);
  });

  it('hears a denial even after a polite "đúng rồi"', () => {
    expect(isDenial(f('đúng rồi nhưng sai số tiền'))).toBe(true);
    expect(isDenial(f('đúng rồi'))).toBe(false);
  });

  it.each(['không rõ', 'ko nhớ', 'k biết', 'bỏ qua', 'skip', "I don't know", 'không muốn cung cấp', 'quên rồi', 'not sure'])('"%s" skips a question', (text) => {
    expect(isSkip(f(text))).toBe(true);
  });

  it.each(['không rõ hàng thật hay giả nên tôi hỏi', 'Mây Store', '0912345678', 'khong'])('"%s" is not a skip', (text) => {
    expect(isSkip(f(text))).toBe(false);
  });

  it('treats a bare yes as no value for a free-text field', () => {
    expect(isBareAcknowledgement(f('ừ'))).toBe(true);
    expect(isBareAcknowledgement(f('Mây Store'))).toBe(false);
  });

  it.each(['ok', 'cảm ơn', 'cam on ban nhieu', 'thanks', 'tks', 'gửi đi'])('"%s" after filing is a thank-you', (text) => {
    expect(isThanksOrOk(f(text))).toBe(true);
  });

  it('reads the consent as said', () => {
    expect(consentFrom(f('đồng ý chia sẻ'))).toEqual({ shareWithBusiness: true, shareWithAgency: true });
    expect(consentFrom(f('chỉ gửi cho shop'))).toEqual({ shareWithBusiness: true, shareWithAgency: false });
    expect(consentFrom(f('không chia sẻ'))).toEqual({ shareWithBusiness: false, shareWithAgency: false });
    expect(consentFrom(f('only the agency'))).toEqual({ shareWithBusiness: false, shareWithAgency: true });
    expect(consentFrom(f('để tôi nghĩ'))).toBeNull();
  });
});
