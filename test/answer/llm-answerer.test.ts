import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const fake = new FakeOpenAiServer();
let app: TestApp;
let guided: TestApp;

beforeAll(async () => {
  const baseUrl = await fake.start();
  // The chat model is built from configuration, exactly as in production.
  const llm = { LLM_BASE_URL: baseUrl, LLM_MODEL: 'fake-model', LLM_API_KEY: 'sk-test', LLM_TIMEOUT_MS: '5000' };
  app = await createTestApp({ env: { ...llm, ANSWER_COMPOSER: 'extractive' } });
  guided = await createTestApp({ env: llm });
});
afterAll(async () => {
  await app?.dispose();
  await guided?.dispose();
  await fake.stop();
});

const ask = (question: string) => app.answerer.answer({ question, locale: 'vi', context: null, now: new Date('2026-11-23T03:00:00Z') });

describe('answers written by a configured chat model', () => {
  it('uses the model answer when its citations are among the retrieved passages, and sends it only those passages', async () => {
    fake.respond = () => 'Không. Theo khoản 1 Điều 29 Luật Bảo vệ quyền lợi người tiêu dùng (19/2023/QH15), shop phải cung cấp hóa đơn, chứng từ.';
    const answer = await ask('shop ko xuat hoa don cho e dc ko');
    expect(answer.source).toBe('llm');
    expect(answer.text).toMatch(/^Không\. Theo khoản 1 Điều 29/);
    expect(answer.text).toContain('Luật áp dụng:');
    const prompt = fake.requests.at(-1)!.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('Điều 29');
    expect(prompt).toMatch(/\[1\] khoản \d+ Điều \d+/);
  });

  it('falls back to the offline answer when the model cites something outside the corpus', async () => {
    fake.respond = () => 'Theo Điều 95 Luật 19/2023/QH15, shop được từ chối.';
    const answer = await ask('shop ko xuat hoa don cho e dc ko');
    expect(answer.source).toBe('offline');
    expect(answer.text).not.toContain('Điều 95');
    expect(answer.text).toContain('Điều 29');
  });

  it('falls back when the model cites a real article it was not given, or cites nothing', async () => {
    fake.respond = () => 'Theo Điều 70 (19/2023/QH15), bạn kiện ra tòa.';
    expect((await ask('shop ko xuat hoa don cho e dc ko')).source).toBe('offline');
    fake.respond = () => 'Shop phải xuất hóa đơn.';
    expect((await ask('shop ko xuat hoa don cho e dc ko')).source).toBe('offline');
  });

  it('falls back when the model server fails', async () => {
    fake.respond = () => 500;
    const answer = await ask('shop ko xuat hoa don cho e dc ko');
    expect(answer.source).toBe('offline');
    expect(answer.confident).toBe(true);
  });

  it('does not call the model at all when retrieval is not confident', async () => {
    const before = fake.requests.length;
    const answer = await ask('công thức nấu phở bò');
    expect(answer.confident).toBe(false);
    expect(fake.requests.length).toBe(before);
  });
});

describe('guided answers reworded by a configured chat model', () => {
  const askGuided = (question: string) => guided.answerer.answer({ question, locale: 'vi', context: null, now: new Date('2026-11-23T03:00:00Z') });
  const question = 'shop ko cho kiểm tra hàng trc khi nhận có đúng ko';

  it('keeps the model wording when it keeps the shape, and appends the basis itself', async () => {
    fake.respond = () => 'Không. Shop không được ngăn bạn kiểm tra hàng trước khi nhận.\nBạn nên:\n1. Từ chối nhận nếu không được kiểm tra.\n2. Gọi 1800.6838 nếu cần hỗ trợ.';
    const answer = await askGuided(question);
    expect(answer.source).toBe('llm');
    expect(answer.text).toMatch(/^Không\. Shop không được ngăn bạn kiểm tra/);
    expect(answer.text).toMatch(/Căn cứ: điểm i khoản 1 Điều 10 Luật Bảo vệ quyền lợi người tiêu dùng 2023 \(19\/2023\/QH15\)/);
    // The model saw the entry and the quoted clause, nothing else.
    const prompt = fake.requests.at(-1)!.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('bị nghiêm cấm');
  });

  it.each([
    ['cites an article the entry does not', 'Không. Theo Điều 70 (19/2023/QH15) bạn kiện ra tòa.\nBạn nên:\n1. Kiện.'],
    ['drops the numbered steps', 'Không. Shop sai rồi.'],
    ['does not open with a verdict', 'Theo luật thì shop sai.\nBạn nên:\n1. Gọi 1800.6838.'],
    ['fails', 500],
  ])('keeps the offline answer when the model %s', async (_, reply) => {
    fake.respond = () => reply as string | number;
    const answer = await askGuided(question);
    expect(answer.source).toBe('offline');
    expect(answer.text).toMatch(/^Không(?!\p{L})/u);
    expect(answer.text).toContain('Điều 10');
  });
});

