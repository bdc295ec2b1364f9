import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChatRequest {
  readonly model: string;
  readonly messages: Array<{ role: string; content: string }>;
}

export interface FakeEmbeddingsRequest {
  readonly model: string;
  readonly inputs: string[];
}

/**
 * An OpenAI-compatible server on 127.0.0.1 for chat completions and embeddings. `respond` decides each
 * chat answer: a string is returned as the assistant's message, a number as an HTTP error status.
 * `embed` turns a text into its vector.
 */
export class FakeOpenAiServer {
  readonly requests: FakeChatRequest[] = [];
  readonly embeddingRequests: FakeEmbeddingsRequest[] = [];
  respond: (request: FakeChatRequest) => string | number = () => 'ok';
  embed: (text: string) => number[] = () => [1, 0];
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void readBody(req).then((body) => {
        if (req.method === 'POST' && req.url?.endsWith('/embeddings')) {
          const json = JSON.parse(body) as { model: string; input: string | string[]; encoding_format?: string };
          const inputs = Array.isArray(json.input) ? json.input : [json.input];
          this.embeddingRequests.push({ model: json.model, inputs });
          const data = inputs.map((text, index) => {
            const v = this.embed(text);
            const embedding = json.encoding_format === 'base64' ? Buffer.from(Float32Array.from(v).buffer).toString('base64') : v;
            return { object: 'embedding', index, embedding };
          });
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: json.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
          return;
        }
        if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
          res.writeHead(404).end();
          return;
        }
        const request = JSON.parse(body) as FakeChatRequest;
        this.requests.push(request);
        const answer = this.respond(request);
        if (typeof answer === 'number') {
          res.writeHead(answer, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }));
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(
          JSON.stringify({
            id: `chatcmpl-${this.requests.length}`,
            object: 'chat.completion',
            created: 1_700_000_000,
            model: request.model,
            choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
