import express, { type NextFunction, type Request, type Response } from 'express';
import { sendProblem } from './problem';

// Browsers never compress request bodies: refusing Content-Encoding (415) also rules out zip bombs.
const parseJson = express.json({ limit: '16kb', type: 'application/json', strict: true, inflate: false });

// 415 before reading a byte of a body that is not JSON, then body-parser with the contract's 16 KiB limit.
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!req.is('application/json')) {
    sendProblem(res, req.requestId, {
      status: 415,
      code: 'unsupported_media_type',
      title: 'Unsupported media type',
      detail: 'Send the body as application/json.',
    });
    return;
  }
  parseJson(req, res, next);
}
