import type { ServerResponse } from 'node:http';
import { sendJson, startFakeServer, type FakeServer, type RecordedRequest } from './fake-http-server';

export type PrimerReply = (req: RecordedRequest, res: ServerResponse) => void;

export interface FakePrimer extends FakeServer {
  // Replies used in order, one per request; when none is queued, the default success answers.
  queue(...replies: PrimerReply[]): void;
  tokensIssued: number;
}

// Primer writes the expiry in UTC without a zone and with microseconds.
export const PRIMER_EXPIRY = '2026-11-26T14:53:51.578695';

export const created: PrimerReply = (req, res) =>
  sendJson(res, 200, {
    clientToken: `token-${req.headers['x-request-id'] ?? 'x'}-${Math.random().toString(36).slice(2)}`,
    clientTokenExpirationDate: PRIMER_EXPIRY,
    ...(JSON.parse(req.body || '{}') as object),
    warnings: [],
  });

export const primerError =
  (status: number, headers: Record<string, string> = {}): PrimerReply =>
  (_req, res) =>
    sendJson(
      res,
      status,
      { error: { errorId: 'PrimerSecretErrorId', description: 'Primer internal description', diagnosticsId: 'diag-123456' } },
      headers,
    );

export async function startFakePrimer(): Promise<FakePrimer> {
  const replies: PrimerReply[] = [];
  const fake = {} as FakePrimer;
  const server = await startFakeServer((req, res) => {
    const reply = replies.shift() ?? created;
    if (reply === created) fake.tokensIssued += 1;
    reply(req, res);
  });
  return Object.assign(fake, server, {
    tokensIssued: 0,
    queue: (...more: PrimerReply[]) => replies.push(...more),
  });
}
