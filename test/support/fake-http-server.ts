import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import zlib from 'node:zlib';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  // Date.now() when the whole request had arrived: lets a test see how long a retry waited.
  receivedAt: number;
}

export type FakeHandler = (req: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface FakeServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  // TCP connections accepted so far (a keep-alive socket carries many requests).
  connections(): number;
  close(): Promise<void>;
}

// A real HTTP server on 127.0.0.1, port 0: the code under test talks to it over a real socket.
export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  let accepted = 0;
  const server = http.createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const recorded = { method: raw.method ?? '', url: raw.url ?? '', headers: raw.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() };
      requests.push(recorded);
      void handler(recorded, res, raw);
    });
  });
  server.on('connection', () => (accepted += 1));
  const close = closerOf(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => accepted,
    close,
  };
}

// Closes the server and every socket it still holds (keep-alive ones too), so no test leaves a handle open.
export function closerOf(server: net.Server): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

// A loopback URL nothing listens on: the port was bound, then released, so a connect is refused at once.
export async function refusingUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(body);
}

// Never answers: the socket stays open until the client gives up or the fake closes.
export function neverAnswer(): void {}

// Runs `then` after `ms`, unless the client went away first: no timer outlives its socket.
export function afterDelay(res: ServerResponse, ms: number, then: () => void): void {
  const timer = setTimeout(then, ms);
  res.on('close', () => clearTimeout(timer));
}

// Promises a whole JSON body in the headers, sends part of it, then kills the socket.
export function resetMidResponse(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) });
  res.write(body.slice(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
}

// Sends the headers at once, then one byte every `everyMs`: a socket that is busy but never done in time.
export function trickle(res: ServerResponse, body: string, everyMs: number): void {
  const bytes = Buffer.from(body);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) });
  let sent = 0;
  const timer = setInterval(() => {
    res.write(bytes.subarray(sent, sent + 1));
    sent += 1;
    if (sent === bytes.length) {
      clearInterval(timer);
      res.end();
    }
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

// Says gzip, sends bytes that are not: junk no retry will mend.
export function sendCorruptGzip(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
  res.end(Buffer.from('1f8b0800000000000003ffffffffffffffff', 'hex'));
}

// A few KiB on the wire that inflate to `bytes`: the 1 MiB cap must count what is inflated.
export function sendGzipBomb(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
  res.end(zlib.gzipSync(Buffer.alloc(bytes, 0x20)));
}

// Streams `bytes` of a JSON string without a Content-Length, so only counting the body can stop it.
export function streamOversizedJson(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  const chunk = 'x'.repeat(64 * 1024);
  res.write('{"id":"');
  for (let written = 0; written < bytes && !res.destroyed; written += chunk.length) res.write(chunk);
  res.end('"}');
}
