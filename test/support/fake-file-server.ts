import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP server answering from a table of paths: a platform's file API in tests. */
export class FakeFileServer {
  readonly requests: string[] = [];
  private server: Server | null = null;
  url = '';

  constructor(private readonly routes: Record<string, { status?: number; type: string; body: Uint8Array | string }>) {}

  async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const route = this.routes[req.url ?? ''];
      if (!route) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"ok":false,"error_code":404,"description":"Not Found"}');
        return;
      }
      res.writeHead(route.status ?? 200, { 'Content-Type': route.type }).end(route.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
