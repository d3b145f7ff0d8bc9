import express, { type NextFunction, type Request, type Response } from 'express';
import { sendProblem, type Problem } from './problem';

// The answers for a webhook body the route will not read (docs/payments.md, "POST /webhooks/primer").
const WEBHOOK_BODY_PROBLEMS = {
  encoded: { status: 415, code: 'unsupported_media_type', title: 'Unsupported media type', detail: 'Send the body without a Content-Encoding.' },
  tooLarge: { status: 413, code: 'payload_too_large', title: 'Payload too large', detail: 'The request body is over 1 MiB.' },
} as const satisfies Record<string, Problem>;

// The exact bytes, whatever the Content-Type: the signature covers them, and nothing is parsed before it is checked.
const readRawBody = express.raw({ limit: '1mb', type: () => true, inflate: false });

// 415 for a compressed body before a byte is read (the signature is over what Primer sent, and no zip bomb gets inflated),
// then the raw body up to 1 MiB; `req.body` is then always a Buffer, empty when there was none.
export function webhookBody(req: Request, res: Response, next: NextFunction): void {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    sendProblem(res, req.requestId, WEBHOOK_BODY_PROBLEMS.encoded);
    return;
  }
  readRawBody(req, res, (error?: unknown) => {
    if (isTooLarge(error)) {
      sendProblem(res, req.requestId, WEBHOOK_BODY_PROBLEMS.tooLarge);
      return;
    }
    if (error !== undefined) {
      next(error);
      return;
    }
    if (!Buffer.isBuffer(req.body)) req.body = Buffer.alloc(0);
    next();
  });
}

function isTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'type' in error && error.type === 'entity.too.large';
}
