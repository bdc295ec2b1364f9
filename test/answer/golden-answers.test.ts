import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationsIn, firstSentence, type Provision } from '../../src/answer/answer-evaluation.ts';
import type { EngineResult } from '../../src/dialogue/messages.ts';
import { GuidedAnswerer } from '../../src/answer/guided-answerer.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Whole question-and-answer conversations through the real engine and the shipped guidance, in the
 * styles people write. Each asserts what the user reads: the verdict first, the deciding article
 * first among the citations, and the citations that would be wrong.
 */
let app: TestApp;
let chat = 0;
beforeAll(async () => {
  app = await createTestApp({ now: new Date('2026-11-23T03:00:00Z') });
});
afterAll(async () => {
  await app?.dispose();
});

async function conversation(...messages: string[]): Promise<EngineResult> {
  const externalId = `golden-answer-${++chat}`;
  let last: EngineResult | undefined;
  for (const text of messages) last = await app.engine.handle({ channel: 'web', externalId, text });
  return last!;
}

const text = (r: EngineResult) => r.replies.map((x) => x.text).join('\n');
const options = (r: EngineResult) => r.replies.flatMap((x) => x.options ?? []).map((o) => o.id);
const cites = (r: EngineResult) => citationsIn(text(r), '19/2023/QH15', app.knowledgeBase.documents.map((d) => d.metadata));
// "19/2023/QH15 30" for an article, "KH-BD-CT30 IV.13" for a plan section.
const named = (c: Provision) => `${c.doc} ${'article' in c ? c.article : c.section}`;
const first = (r: EngineResult) => {
  const c = cites(r)[0];
  return c ? named(c) : null;
};

interface Golden {
  readonly name: string;
  readonly messages: readonly string[];
  readonly verdict: RegExp;
  readonly firstCitation: readonly string[];
  readonly forbidden?: readonly string[];
  readonly english?: boolean;
}

const goldens: readonly Golden[] = [
  {
    name: 'Vietnamese: a repeatedly failing repair under warranty',
    messages: ['Tủ lạnh nhà tôi đã bảo hành sửa 3 lần trong thời hạn bảo hành mà vẫn hỏng, tôi có được đổi cái mới không?'],
    verdict: /^Có(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 30'],
  },
  {
    name: 'no diacritics: the same situation',
    messages: ['bao hanh sua 3 lan roi van hong thi co duoc doi cai moi khong'],
    verdict: /^Có(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 30'],
  },
  {
    name: 'teencode: not allowed to check the parcel before paying',
    messages: ['shipper ko cho kiểm tra hàng trc khi nhận, bắt trả tiền trc, v có đúng ko ad'],
    verdict: /^Không(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 10'],
  },
  {
    name: 'asked whether the business was right: the verdict says the business was not',
    messages: ['shop online không chịu xuất hóa đơn cho tôi, bảo mua online thì không có hóa đơn, vậy có đúng không?'],
    verdict: /^Không đúng\./u,
    firstCitation: ['19/2023/QH15 29'],
  },
  {
    name: 'a story with a phone number, an amount and durations',
    messages: [
      'Chào bạn, tôi tên Lan, sđt 0912 345 678. Hôm 3/11 tôi mua cái nồi chiên không dầu 1tr250 ở cửa hàng điện máy gần nhà. Dùng được 2 tuần thì nồi phát nổ, tay tôi bị bỏng phải đi viện 3 ngày. Cửa hàng bảo lỗi của nhà sản xuất, không liên quan tới họ. Tôi có đòi bồi thường được không?',
    ],
    verdict: /^Có(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 34'],
    forbidden: ['19/2023/QH15 37', '19/2023/QH15 38'],
  },
  {
    name: 'English: leaving a gym contract early',
    messages: ['Can I cancel my gym membership before the contract ends?'],
    verdict: /^(Yes|It depends|No)\b/,
    firstCitation: ['19/2023/QH15 42'],
    english: true,
  },
  {
    name: 'business: how fast a complaint must be acknowledged',
    messages: ['Công ty tôi nhận được khiếu nại của khách thì phải phản hồi trong bao lâu?'],
    verdict: /./,
    firstCitation: ['19/2023/QH15 31', '19/2023/QH15 57'],
  },
  {
    name: 'before 01/7/2024: the repealed law decides, marked as such',
    messages: ['Tôi mua tủ lạnh năm 2023, đã bảo hành 3 lần trong thời hạn mà vẫn hỏng, có được đổi mới không?'],
    verdict: /^(Có|Được)(?!\p{L})/u,
    firstCitation: ['59/2010/QH12 21'],
  },
  {
    name: 'late 2024 is after the cut-over: today\'s law decides',
    messages: ['Cuối năm 2024 tôi ký hợp đồng dịch vụ truyền hình theo mẫu, giờ bản hợp đồng của tôi bị cháy mất. Nhà cung cấp có phải đưa bản sao cho tôi không?'],
    verdict: /^Có(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 26'],
    forbidden: ['59/2010/QH12 17'],
  },
  {
    name: 'story: a yes/no question after a story that says "khi nào" keeps its yes',
    messages: ['Tôi gửi xe máy đi bảo hành, cửa hàng bảo khi nào xong sẽ gọi, 20 ngày rồi vẫn chưa trả. Thời gian nằm ở chỗ bảo hành có bị trừ vào hạn bảo hành không?'],
    verdict: /^(Có|Không)(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 30'],
  },
  {
    name: "asked whether the business must do something: a rule that says it must answers yes",
    messages: ['Điện lực cắt điện cả ngày để bảo trì đường dây mà không báo, điện lực có phải thông báo trước cho dân không?'],
    verdict: /^Có(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 41'],
  },
  {
    name: 'a story asking whether the shop owes damages: the shop owes, so yes',
    messages: ['be nha toi uong sua hop mua o cua hang gan nha bi ngo doc, nam vien 2 ngay het 4 trieu. cua hang do co phai boi thuong khong'],
    verdict: /^Có(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 34', '91/2015/QH13 608', '19/2023/QH15 14'],
  },
  {
    name: 'asked whether the seller may pass the complaint on to the maker, the answer is no',
    messages: ['Tôi là người khuyết tật, đã gửi khiếu nại kèm giấy xác nhận, cửa hàng có được chuyển yêu cầu cho hãng tự lo không?'],
    verdict: /^Không(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 8', '19/2023/QH15 14', '55/2024/NĐ-CP 11'],
  },
  {
    name: 'before 01/7/2024: a term letting a tour company change the hotel on its own had no effect',
    messages: ['Năm 2023 tôi mua tour Đà Lạt, hợp đồng mẫu ghi công ty được tự đổi khách sạn, lịch trình không cần hỏi khách. Theo luật lúc đó điều khoản này có giá trị không?'],
    verdict: /^Không(?!\p{L})/u,
    firstCitation: ['59/2010/QH12 16'],
  },
  {
    name: 'the case the question states decides a "Tùy" entry: a micro enterprise with a shop need not publish the procedure',
    messages: ['Tiệm tạp hóa của tôi là doanh nghiệp siêu nhỏ, 3 người làm. Có bắt buộc dán quy trình giải quyết khiếu nại ở cửa hàng không?'],
    verdict: /^Không bắt buộc(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 31'],
  },
  {
    name: 'but one selling online still owes remote buyers the procedure: it depends',
    messages: ['Công ty tôi là doanh nghiệp siêu nhỏ, bán hàng qua website và Facebook. Có bắt buộc công khai quy trình giải quyết khiếu nại không?'],
    verdict: /^Tùy(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 31', '19/2023/QH15 37', '55/2024/NĐ-CP 22'],
  },
  {
    name: 'goods broken on the way to the buyer are the seller\'s risk',
    messages: ['Cửa hàng điện máy giao tủ lạnh, trên đường giao xe bị xóc nên tủ móp cửa, giờ cửa hàng bắt tôi chịu một nửa, vậy có đúng không?'],
    verdict: /^Không đúng(?!\p{L})/u,
    firstCitation: ['91/2015/QH13 441'],
  },
  {
    name: 'warranty restarts for a replaced part',
    messages: ['bh thay pin moi thi pin do dc bh lai tu dau ko'],
    verdict: /^Có(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 30'],
  },
  {
    name: 'a platform hiding genuine reviews',
    messages: ['Sàn có được giấu đánh giá tiêu cực có ảnh thật của người mua không?'],
    verdict: /^Không(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 10', '19/2023/QH15 39'],
  },
  {
    name: 'charged for a service never ordered',
    messages: ['Ngân hàng tự bật dịch vụ báo số dư có phí rồi trừ tiền tài khoản, tôi không hề đăng ký. Tôi đòi lại được không?'],
    verdict: /^Có(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 10'],
  },
  {
    name: 'asked "is that right?", a rule that backs the consumer answers no',
    messages: ['Bên bán sim cứ nhắn tin, gọi điện mời mua gói cước dù tôi đã từ chối nhiều lần, như vậy có đúng không?'],
    verdict: /^Không đúng(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 10', '19/2023/QH15 18', '19/2023/QH15 22'],
  },
  {
    name: 'asked "is that a violation?", a prohibition answers yes',
    messages: ['Nhà cung cấp truyền hình tự ý sửa hợp đồng đã ký để tăng cước, không hỏi ý tôi, có sai luật không?'],
    verdict: /^Có, như vậy là sai(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 25', '19/2023/QH15 42'],
  },
  {
    name: 'English: "what do I do" is answered with what to do, not a bare yes',
    messages: ['The online seller never delivered my order and stopped replying. What do I do?'],
    verdict: /^(?!Yes\b|No\b)\p{Lu}/u,
    firstCitation: ['19/2023/QH15 10', '19/2023/QH15 39', '19/2023/QH15 37', '91/2015/QH13 441'],
    english: true,
  },
  {
    name: 'asked "do I have to pay?", a rule that backs the consumer answers no',
    messages: ['tiệm sửa xe tự thay đồ ko hỏi e 1 câu r tính tiền, e có phải trả ko'],
    verdict: /^Không(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 10'],
  },
  {
    name: 'asked "may they do that?", a prohibition answers no',
    messages: ['vay tien qua app, tre han ma ho goi dien cho ca dong nghiep voi nguoi than trong danh ba cua minh. ho co duoc lam vay khong'],
    verdict: /^Không(?!\p{L})/u,
    firstCitation: ['19/2023/QH15 10', '19/2023/QH15 18'],
  },
  {
    name: 'business: a small firm selling only in its shops need not publish the vulnerable-consumer content',
    messages: ['Công ty tôi là doanh nghiệp nhỏ, chỉ bán tại 2 cửa hàng. Có bắt buộc niêm yết nội dung cho người tiêu dùng dễ bị tổn thương và tập huấn nhân viên không?'],
    verdict: /^Không bắt buộc/u,
    firstCitation: ['19/2023/QH15 8'],
  },
  {
    name: 'class: asked whether the business may refuse what the law says is owed, the answer is no',
    messages: ['Cửa hàng có được từ chối đổi khi chính nhân viên của họ đóng nhầm cỡ giày cho tôi không?'],
    verdict: /^Không, họ không được từ chối\./u,
    firstCitation: ['19/2023/QH15 10'],
  },
  {
    name: 'class: the same asked in English',
    messages: ['Can the store refuse to refund me when its cashier overcharged me by mistake?'],
    verdict: /^No, they may not refuse\./u,
    firstCitation: ['19/2023/QH15 10'],
    english: true,
  },
  {
    name: 'class: a business speaking of itself gets the business entry, not the consumer side of the situation',
    messages: ['Công ty chúng tôi muốn bán hàng lưu động tại một hội chợ ở xã, tổng giá trị hơn 10 triệu đồng, cần thông báo cho ai?'],
    verdict: /UBND xã/u,
    firstCitation: ['19/2023/QH15 47'],
  },
  {
    name: 'class: a question about the seller\'s deadline to acknowledge a complaint cites that deadline, not where to send it',
    messages: ['How many working days does the seller have to confirm it received my complaint?'],
    verdict: /^Within 3 working days/u,
    firstCitation: ['19/2023/QH15 31'],
    english: true,
  },
];

describe('golden questions and answers', () => {
  it.each(goldens)('$name', async (g) => {
    const reply = await conversation(...g.messages);
    const body = text(reply);
    expect(firstSentence(body)).toMatch(g.verdict);
    expect(g.firstCitation).toContain(first(reply));
    for (const f of g.forbidden ?? []) expect(cites(reply).map(named)).not.toContain(f);
    expect(body.length).toBeLessThanOrEqual(900);
    if (g.english) {
      // English prose, with the Vietnamese text only on request.
      // A point's letter is the law's own ("Article 10(1)(đ)"), not Vietnamese prose.
      expect(body.replace(/\(đ\)/gu, '')).not.toMatch(/[ăâêôơưđ]/iu);
      expect(body).toMatch(/Article \d+(\([\p{L}\d]+\))*, Law 19\/2023\/QH15/u);
    }
  });

  it('answers an article the guidance leaves out on purpose from the law itself, named as the most relevant provision', async () => {
    const reply = await conversation('Bán tài sản có kèm quyền chuộc lại thì bên bán được chuộc lại trong thời hạn bao lâu?');
    expect(text(reply)).toMatch(/liên quan nhất là .*Điều 454 Bộ luật Dân sự/);
    expect(first(reply)).toBe('91/2015/QH13 454');
  });

  it('marks the repealed law and names the transitional rule for a pre-2024 purchase', async () => {
    const body = text(await conversation('Tôi mua tủ lạnh năm 2023, đã bảo hành 3 lần trong thời hạn mà vẫn hỏng, có được đổi mới không?'));
    expect(body).toMatch(/Căn cứ khi đó: khoản \d+ Điều 21 Luật Bảo vệ quyền lợi người tiêu dùng 2010 \(59\/2010\/QH12\) \(đã hết hiệu lực từ 01\/7\/2024/);
    expect(body).toMatch(/theo khoản 1 Điều 80 Luật Bảo vệ quyền lợi người tiêu dùng 2023 \(19\/2023\/QH15\)/);
    // Today's rule follows, so the user also learns what applies to a purchase made now; it is named
    // by its law, its article one tap away, since that article does not govern this purchase.
    expect(body).toMatch(/Với giao dịch từ 01\/7\/2024 trở đi: .*\(Luật Bảo vệ quyền lợi người tiêu dùng 2023 \(19\/2023\/QH15\)\)/);
    expect(body).not.toMatch(/Điều 30/);
  });

  it('class: a pre-2024 situation asked as "which law applies?" rests on what the former law said of it', async () => {
    const reply = await conversation('Mình mua tủ lạnh tháng 4/2024, giờ cửa hàng không chịu bảo hành. Trường hợp này áp dụng luật nào?');
    expect(firstSentence(text(reply))).toMatch(/59\/2010\/QH12/);
    expect(first(reply)).toBe('59/2010/QH12 21');
    expect(cites(reply).map(named)).not.toContain('59/2010/QH12 50');
    expect(options(reply)).toContain('answer.article:19/2023/QH15#30');
  });

  it('class: a follow-up that adds only a year ("Tôi mua từ tháng 2/2024 thì sao?") keeps the situation and changes the law', async () => {
    const reply = await conversation('Tủ lạnh bảo hành 3 lần trong hạn vẫn hỏng thì có được đổi mới không?', 'Tôi mua từ tháng 2/2024 thì sao?');
    expect(first(reply)).toBe('59/2010/QH12 21');
  });

  it('class: a provincial plan question is answered from the plan section', async () => {
    const reply = await conversation('Theo kế hoạch của tỉnh Bình Dương, cơ quan nào kiểm tra, phát hiện sai phạm về chất lượng hàng hóa?');
    expect(first(reply)).toBe('KH-BD-CT30 IV.13');
    expect(text(reply)).toMatch(/Quản lý thị trường/iu);
  });

  it('class: a question naming a plan and its province is answered from the plan, even when its words resemble an out-of-scope matter (a percentage: the amount of a fine)', async () => {
    const reply = await conversation('Kế hoạch 2017-2020 của Khánh Hòa muốn tỷ lệ khiếu nại được giải quyết thành công là bao nhiêu phần trăm?');
    expect(first(reply)).toMatch(/^KH-KH-2017-2020 /);
    expect(text(reply)).not.toMatch(/ngoài (những gì|phạm vi)/u);
  });

  it('class: a new item faulty within days, "does the shop have to exchange it?", is a defect the seller answers for, not a street vendor\'s duty', async () => {
    for (const question of ['điện thoại mới mua 1 tuần bị lỗi, shop có phải đổi không', 'may giat moi mua 2 tuan da hong, sieu thi co phai doi ko']) {
      const reply = await conversation(question);
      expect(first(reply), question).toBe('91/2015/QH13 445');
      expect(firstSentence(text(reply)), question).toMatch(/^Có\./);
    }
  });

  it('class: a defect in an item bought on a platform is the seller\'s to answer for, not a question about the platform\'s duties', async () => {
    const reply = await conversation('mua tai nghe tren shopee 3 ngay da hong 1 ben, shop ko cho doi thi lam sao');
    expect(first(reply)).toBe('91/2015/QH13 445');
    expect(firstSentence(text(reply))).not.toMatch(/^(Có\. )?Sàn phải/u);
  });

  it('class: "… xử lý sao" / "đòi sao" asks how, so the reply does not open with a bare "Có."', async () => {
    for (const question of ['bị lộ số điện thoại sau khi mua hàng, ngày nào cũng bị gọi mời chào, xử lý sao', 'shop giao thiếu hàng mà không chịu gửi bù thì đòi sao']) {
      const reply = await conversation(question);
      expect(firstSentence(text(reply)), question).not.toMatch(/^Có\./u);
    }
  });

  it('never cites the repealed law as in force for a purchase made today', async () => {
    const reply = await conversation('Mua tủ lạnh tháng trước, bảo hành 3 lần vẫn hỏng, có được đổi mới không?');
    expect(cites(reply).some((c) => c.doc === '59/2010/QH12')).toBe(false);
  });

  it.each([
    ['labour', 'công ty nợ lương tôi 3 tháng rồi thì kiện ở đâu'],
    ['land', 'nhà hàng xóm xây tường lấn sang đất nhà tôi thì làm sao'],
    ['the amount of a fine', 'bán hàng giả thì bị phạt bao nhiêu tiền'],
  ])('admits that %s is outside what it answers, in the first line, with no citation and no complaint', async (_, question) => {
    const reply = await conversation(question);
    expect(text(reply).split('\n')[0]).toMatch(/ngoài|không thuộc/i);
    expect(cites(reply)).toEqual([]);
    expect(options(reply)).not.toContain('menu.complaint');
    expect(text(reply)).toContain('1800.6838');
    // No fine amount is ever given: the penalty decree is not in the corpus.
    expect(text(reply)).not.toMatch(/\d[\d.]*\s*(triệu|đồng|nghìn)/u);
  });

  it('says a question with nothing of a consumer dealing is outside what it answers, in the question\'s language', async () => {
    const reply = await conversation('How do I renew my motorbike driving licence?');
    expect(text(reply).split('\n')[0]).toMatch(/outside/i);
    expect(cites(reply)).toEqual([]);
    expect(options(reply)).not.toContain('menu.complaint');
  });

  it('answers a follow-up that adds a condition about the new condition', async () => {
    const reply = await conversation('Mua quần áo ở cửa hàng về mặc không vừa, có được trả lại không?', 'còn nếu mua online thì sao?');
    expect(['19/2023/QH15 38', '19/2023/QH15 37']).toContain(first(reply));
  });

  it('reads a message that only sets the scene together with the question that follows it', async () => {
    const reply = await conversation('Mình mua máy lọc không khí ở siêu thị điện máy, bảo hành 12 tháng.', 'Tháng thứ 10 máy hư, trung tâm bảo hành giữ máy 3 tuần rồi mà không đưa máy nào cho mình xài tạm, họ làm vậy đúng không?');
    expect(firstSentence(text(reply))).toMatch(/^Không(?!\p{L})/u);
    expect(first(reply)).toBe('19/2023/QH15 30');
    expect(text(reply)).toMatch(/dùng tạm/);
  });

  it('keeps a scene that got no answer of its own for the question after it', async () => {
    const reply = await conversation('Em đặt tour Đà Nẵng 3 ngày qua một công ty du lịch, quảng cáo khách sạn 4 sao.', 'Tới nơi bị xếp nhà nghỉ, em đòi lại tiền chênh lệch được không?');
    expect(cites(reply).length).toBeGreaterThan(0);
    expect(text(reply).split('\n')[0]).not.toMatch(/ngoài phạm vi/);
  });

  it('answers "that clause" from the message before', async () => {
    const reply = await conversation('Hợp đồng bảo hiểm của tôi có điều khoản ghi công ty được toàn quyền giải thích khi hai bên hiểu khác nhau.', 'Điều khoản đó có giá trị không?');
    expect(['19/2023/QH15 25', '19/2023/QH15 24']).toContain(first(reply));
  });

  it.each([
    ['an identity card', 'Làm mất thẻ căn cước thì đi làm lại ở đâu, mất bao lâu?'],
    ["a salesperson's pay docked for a customer's return", 'Mình đứng quầy ở cửa hàng mỹ phẩm, khách trả lại son nên chủ trừ vào lương mình 300 nghìn, luật người tiêu dùng có giúp mình không?'],
    ["a spouse's loan", 'Vợ tôi vay 30 triệu của một công ty tài chính rồi bỏ đi, giờ họ gọi bắt tôi trả thay, tôi có phải trả không?'],
    ['a phishing text that took money from a bank account', 'Em nhận tin nhắn giả ngân hàng, bấm vào link rồi nhập mã OTP, bị trừ mất 20 triệu trong tài khoản. Giờ làm sao lấy lại ạ?'],
  ])('admits that %s is not a consumer matter, though it names a bank or a card', async (_, question) => {
    const reply = await conversation(question);
    expect(text(reply).split('\n')[0]).toMatch(/ngoài phạm vi/);
    expect(cites(reply)).toEqual([]);
    expect(options(reply)).not.toContain('menu.complaint');
  });

  it('gives the full article on request, by button and by /dieu', async () => {
    const answer = await conversation('shop ko cho kiểm tra hàng trc khi nhận có đúng ko');
    const option = answer.replies.flatMap((r) => r.options ?? []).find((o) => o.id.startsWith('answer.article:'))!;
    expect(option.label).toMatch(/^Xem toàn văn Điều \d+/);
    const full = await app.engine.handle({ channel: 'web', externalId: `golden-answer-${chat}`, text: option.label, choice: option.id });
    expect(text(full)).toMatch(/^Toàn văn Điều 10 Luật Bảo vệ quyền lợi người tiêu dùng 2023 \(19\/2023\/QH15\):\nĐiều 10\. Các hành vi bị nghiêm cấm/);
    const byCommand = await conversation('/dieu 25');
    expect(text(byCommand)).toContain('Điều 25. Điều khoản không được phép quy định');
    expect(text(byCommand)).toContain('15. Quy định trái với nguyên tắc thiện chí');
  });

  it('a quoted point of a prohibition list carries the list header', async () => {
    const body = text(await conversation('shop ko cho kiểm tra hàng trc khi nhận có đúng ko'));
    expect(body).toMatch(/«1\. Tổ chức, cá nhân kinh doanh bị nghiêm cấm thực hiện các hành vi sau đây: … [a-zđ]\) /u);
  });

  it('the situations the evaluation reads are the ones the answer rests on (a stated case of a clarifying entry, a which-law question, a plain one)', async () => {
    const answerer = app.answerer as GuidedAnswerer;
    const now = new Date('2026-11-23T03:00:00Z');
    for (const question of ['mua online có được trả hàng không', 'Mua tháng 3/2024, shop từ chối bảo hành tủ lạnh hỏng, áp dụng luật nào?', 'bao hanh sua 3 lan roi van hong thi co duoc doi cai moi khong']) {
      const request = { question, locale: 'vi' as const, context: null, now };
      const [lead] = await answerer.situations(request);
      const reply = await answerer.answer(request);
      expect(lead?.entry.id, question).toBe(reply.context?.entryId ?? reply.context?.pendingClarify);
    }
  });
});
