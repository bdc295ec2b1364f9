import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../bot/cli/script-mode.ts';
import { projectRoot } from '../support/knowledge.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { recallContent } from './warning-fixture.ts';

/**
 * A golden conversation (test/fixtures/golden/warnings-subscribe-and-ask.txt) replayed through script
 * mode's own replay function: subscribing with consent, choosing kinds by number and a province by
 * name, asking about a recalled brand, another brand of the same product, a shop, a law question that
 * must stay with the law answers, the same in English, and stopping.
 */
let app: TestApp;
let replies: string[];

beforeAll(async () => {
  app = await createTestApp({ now: new Date('2026-11-23T03:00:00Z') });
  const at = new Date('2026-11-20T02:00:00Z');
  const recall = await app.warnings.repository.create(
    recallContent({ translations: { en: { title: 'Hanami HD-200 hair dryer recalled', text: 'Hanami recalls its HD-200 hair dryer: the cord can overheat.' } } }),
    'admin@x.vn',
    at,
  );
  await app.warnings.repository.publish(recall.id, recall.version, 'admin@x.vn', at);
  const lines = readFileSync(path.join(projectRoot, 'test/fixtures/golden/warnings-subscribe-and-ask.txt'), 'utf8').split('\n').filter((l) => l !== '');
  const output = await runScript(app, lines, { session: 'golden-warnings', json: true });
  replies = output.map((l) => JSON.parse(l) as { reply?: string }).flatMap((o) => (o.reply === undefined ? [] : [o.reply]));
}, 120_000);

afterAll(async () => {
  await app.dispose();
});

describe('golden: subscribing to warnings and asking about them', () => {
  it('asks for consent first and records the exact words and time', async () => {
    expect(replies[0]).toContain('chúng tôi lưu mã cuộc trò chuyện của bạn');
    const row = await app.db.warningSubscription.findFirstOrThrow({ where: { channel: 'cli', externalId: 'golden-warnings' } });
    expect(row.consentText).toContain('chỉ để gửi cảnh báo cho bạn');
    expect(row.consentAt.toISOString()).toBe('2026-11-23T03:00:00.000Z');
  });

  it('toggles a kind by its number and a province by its name, then stops', async () => {
    const settings = replies.filter((r) => r.includes('Bạn nhận:'));
    expect(settings.at(-1)).toContain('Tỉnh thành: Khánh Hòa');
    expect(settings.at(-1)).not.toContain('Hàng giả, hàng lậu');
    expect(replies.at(-1)).toContain('Warnings stopped');
    const row = await app.db.warningSubscription.findFirstOrThrow({ where: { channel: 'cli', externalId: 'golden-warnings' } });
    expect(row.active).toBe(false);
    expect(JSON.parse(row.provinces)).toEqual(['Khánh Hòa']);
  });

  it('quotes a matching warning with its source and date', () => {
    const answer = replies.find((r) => r.startsWith('Có: đang có 1 cảnh báo'))!;
    expect(answer).toContain('Thu hồi máy sấy tóc Hanami HD-200');
    expect(answer).toContain('số 123/TB-CTBVNTD');
    expect(answer).toContain('công bố ngày 20/11/2026');
    expect(answer).toContain('/khieunai');
  });

  it('says none is on file, that this is not proof of safety, and points to the same product of another brand', () => {
    const other = replies.find((r) => r.includes('“may say toc hieu Panasonic”'))!;
    expect(other).toContain('chưa có cảnh báo không có nghĩa là');
    expect(other).toContain('cùng loại sản phẩm');
    const shop = replies.find((r) => r.includes('Siêu Sale 24h'))!;
    expect(shop).toContain('Hiện chưa có cảnh báo');
    expect(shop).toContain('1800.6838');
  });

  it('leaves a law question to the law answers', () => {
    const law = replies.find((_, i) => i > 0 && replies[i - 1]!.includes('Siêu Sale 24h'))!;
    expect(law).not.toContain('cảnh báo');
    expect(law).toMatch(/Điều \d+/);
  });

  it('answers in English with the translation', () => {
    expect(replies.find((r) => r.startsWith('Yes: 1 published warning'))).toContain('Hanami HD-200 hair dryer recalled');
  });
});
