import express, { type NextFunction, type Request, type Response } from 'express';
import { sendProblem, type Problem } from './problem';

// The answers for a body the route cannot read, whichever check finds the fault.
export const BODY_PROBLEMS = {
  notJson: { status: 415, code: 'unsupported_media_type', title: 'Unsupported media type', detail: 'Send the body as UTF-8 application/json.' },
  tooLarge: { status: 413, code: 'payload_too_large', title: 'Payload too large', detail: 'The request body is over 16 KiB.' },
  malformed: { status: 400, code: 'invalid_request', title: 'Invalid request', detail: 'The request body is not valid JSON.' },
} as const satisfies Record<string, Problem>;

// Browsers never compress request bodies: refusing Content-Encoding (415) also rules out zip bombs.
const parseJson = express.json({ limit: '16kb', type: 'application/json', strict: true, inflate: false });

// 415 before reading a byte of a body that is not JSON, then body-parser with the contract's 16 KiB limit.
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!req.is('application/json')) {
    sendProblem(res, req.requestId, BODY_PROBLEMS.notJson);
    return;
  }
  parseJson(req, res, next);
}
