import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptPlayer } from '../support/run-chat-script.ts';

let player: ScriptPlayer;
beforeAll(async () => {
  player = await ScriptPlayer.create();
});
afterAll(() => player.dispose());

/** Script mode's replay (what `npm run chat -- --script FILE --json` prints), in-process. */
describe('self-assessment in script mode', () => {
  it('lists the finished assessment as a self_assessment record', async () => {
    const run = await player.play(
      ['tôi muốn tự đánh giá doanh nghiệp', 'Sạp rau cô Ba', 'cá nhân bán rau ngoài chợ, không đăng ký kinh doanh', 'đúng', 'có', 'tại sao', 'không', '2', 'co', '1'],
      { now: '2026-11-23T03:00:00Z' },
    );
    expect(run.replies[0]).toMatch(/^Tự đánh giá "Doanh nghiệp vì người tiêu dùng"/);
    expect(run.replies.some((r) => r.includes('Có 4 câu phù hợp với bạn'))).toBe(true);
    expect(run.replies.some((r) => r.startsWith('Vì sao cần: Đổi hàng, hoàn tiền khi hàng không đúng cam kết'))).toBe(true);
    expect(run.replies.some((r) => r.endsWith('[tu-danh-gia-sap-rau-co-ba-2026-11-23.pdf]'))).toBe(true);
    expect(run.records).toHaveLength(1);
    const record = run.records[0]!;
    expect(record.type).toBe('self_assessment');
    expect(record.data).toMatchObject({
      business: 'Sạp rau cô Ba',
      profile: { sector: 'food', size: 'individual' },
      answers: { 'info-accurate': 'yes', 'sales-refund': 'no', 'safety-quality': 'partly', 'safety-recall-comply': 'yes' },
      score: 6.5,
      maxScore: 11,
      gaps: [
        {
          item: 'sales-refund',
          basis: [
            { doc: '19/2023/QH15', article: 10, clause: 1, point: 'đ' },
            { doc: '19/2023/QH15', article: 10, clause: 1, point: 'e' },
            { doc: '19/2023/QH15', article: 9, clause: 1, point: 'd' },
            { doc: '19/2023/QH15', article: 36, clause: 1 },
          ],
          action: expect.stringMatching(/^Viết và công khai chính sách đổi trả/),
        },
        { item: 'safety-quality', answer: 'partly' },
      ],
    });
    const areas = (record.data as { areas: unknown[] }).areas;
    expect(areas).toEqual([
      { area: 'information', title: 'Thông tin, nhãn và giá', score: 3, maxScore: 3, percent: 100 },
      { area: 'sales', title: 'Giao dịch, đổi trả và bảo hành', score: 0, maxScore: 3, percent: 0 },
      { area: 'safety', title: 'An toàn sản phẩm, hàng có khuyết tật', score: 3.5, maxScore: 5, percent: 70 },
    ]);
  });
});
