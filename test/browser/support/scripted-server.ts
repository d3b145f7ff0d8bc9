import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  // Never answer: the client's timeout must end the request.
  hang?: boolean;
  // Cut the connection without an answer, as a replica killed mid-request does.
  drop?: boolean;
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface ScriptedServer {
  // POST /checkout/session on this server; `origin` for the other routes.
  url: string;
  origin: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

// A real HTTP server on a loopback port that gives the scripted answers in order, the last one repeated.
export async function startScriptedServer(answers: ScriptedAnswer[]): Promise<ScriptedServer> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() });
      const answer = answers[Math.min(seen.length, answers.length) - 1];
      if (!answer || answer.hang) return;
      if (answer.drop) return req.socket.destroy();
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/checkout/session`,
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

export function problem(status: number, code: string, headers: Record<string, string> = {}): ScriptedAnswer {
  const body = { type: `urn:checkout-session:problem:${code}`, title: code, status, detail: `detail of ${code}`, code, requestId: `req-${code}` };
  return { status, headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': `req-${code}`, ...headers }, body: JSON.stringify(body) };
}

export function session(clientToken: string, expiresAt: Date, headers: Record<string, string> = {}): ScriptedAnswer {
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-ok', ...headers },
    body: JSON.stringify({ clientToken, clientTokenExpirationDate: expiresAt.toISOString() }),
  };
}
