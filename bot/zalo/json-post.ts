import http from 'node:http';
import https from 'node:https';

export interface JsonPostAnswer {
  readonly status: number;
  readonly text: string;
}

/** POSTs a JSON body and reads the whole answer as text; the transport the Zalo client uses. */
export type JsonPost = (url: string, body: string, options: { signal: AbortSignal; headers?: Record<string, string> }) => Promise<JsonPostAnswer>;

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * node:http with keep-alive: under load it costs a fraction of fetch's per-request work (no web
 * streams), which showed in the channel load test. Errors never include the URL (it holds the token).
 */
export const nodeJsonPost: JsonPost = (url, body, { signal, headers = {} }) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        agent: agents[target.protocol as keyof typeof agents],
        headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => reject(new Error(`reading the answer failed: ${error.message}`)));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => reject(new Error(error.code ? `request failed: ${error.code}` : 'request failed', { cause: error.code ? undefined : error })));
    request.end(body);
  });
