import dns from 'node:dns';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/service/config';
import { createUpstreamHttpClient, sendAttempt } from '../../src/service/upstream/http-attempt';
// Only the pure part: the guard itself must come from jest's setupFiles, or these tests fail.
import { BLOCKED_CODE, isLoopbackHost } from '../support/loopback-hosts';

// The default Primer URL, as the service would use it with no PRIMER_API_URL set.
const DEFAULT_PRIMER_URL = loadConfig({}).primer.apiUrl;

function listen(server: http.Server, where: { port: 0; host: string } | { path: string }): Promise<void> {
  return new Promise((resolve) => server.listen(where, resolve));
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function errorOf(request: http.ClientRequest): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve, reject) => {
    request.once('error', resolve);
    request.once('response', () => reject(new Error('a response came back')));
  });
}

describe('tests reach loopback only (test/support/loopback-only.ts, a jest setup file)', () => {
  let lookup: jest.SpiedFunction<typeof dns.lookup>;

  beforeEach(() => {
    lookup = jest.spyOn(dns, 'lookup');
  });

  afterEach(() => {
    lookup.mockRestore();
  });

  it('the default PRIMER_API_URL is a public host, so the guard has something to refuse', () => {
    expect(new URL(DEFAULT_PRIMER_URL).hostname).toBe('api.sandbox.primer.io');
  });

  it('when the service\'s upstream client calls the default Primer URL, then the connection is refused before any DNS lookup', async () => {
    const result = await sendAttempt(createUpstreamHttpClient(DEFAULT_PRIMER_URL, {}, 10), {
      method: 'POST',
      path: '/client-session',
      headers: { 'Content-Type': 'application/json' },
      body: { orderId: 'o-1' },
      timeoutMs: 5_000,
    });

    expect(result).toEqual({ kind: 'connection-error', detail: expect.stringContaining(BLOCKED_CODE) as string });
    // No address was looked up, so no packet can have left: a connection to a name starts with its lookup.
    expect(lookup).not.toHaveBeenCalled();
  });

  it('when node:https or fetch call the default Primer URL, then they fail the same way, with no DNS lookup', async () => {
    const viaHttps = await errorOf(https.get(`${DEFAULT_PRIMER_URL}/client-session`));
    const viaFetch = await fetch(`${DEFAULT_PRIMER_URL}/client-session`).then(
      () => undefined,
      (error: unknown) => (error as { cause?: NodeJS.ErrnoException }).cause,
    );

    expect(viaHttps.code).toBe(BLOCKED_CODE);
    expect(viaHttps.message).toContain('api.sandbox.primer.io:443');
    expect(viaFetch?.code).toBe(BLOCKED_CODE);
    expect(lookup).not.toHaveBeenCalled();
  });

  it('when a test connects to an address outside 127.0.0.0/8, then it is refused', async () => {
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => net.connect({ host: '192.0.2.1', port: 80 }).once('error', resolve));

    expect(error.code).toBe(BLOCKED_CODE);
  });

  it('when a test connects to localhost, then the connection goes through (and the lookup spy sees net\'s lookups)', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    await listen(server, { port: 0, host: '127.0.0.1' });
    const { port } = server.address() as AddressInfo;
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/`).then((response) => response.text());
      const viaName = await new Promise<number | undefined>((resolve, reject) =>
        http.get({ host: 'localhost', port, family: 4 }, (response) => resolve(response.resume().statusCode)).once('error', reject),
      );

      expect(answer).toBe('ok');
      expect(viaName).toBe(200);
      expect(lookup).toHaveBeenCalled();
    } finally {
      await close(server);
    }
  });

  it('when a test connects over a unix socket, then the connection goes through', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loopback-only-'));
    const socketPath = path.join(dir, 'server.sock');
    const server = http.createServer((_req, res) => res.end('over a unix socket'));
    await listen(server, { path: socketPath });
    try {
      const body = await new Promise<string>((resolve, reject) =>
        http
          .get({ socketPath, path: '/' }, (response) => {
            let text = '';
            response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(text));
          })
          .once('error', reject),
      );

      expect(body).toBe('over a unix socket');
    } finally {
      await close(server);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1'])('%p is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['api.sandbox.primer.io', '10.0.0.1', '128.0.0.1', '0.0.0.0', '::', '::ffff:10.0.0.1', 'localhost.example.com', '127.0.0.1.nip.io'])(
    '%p is not loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});
