import express, { type NextFunction, type Request, type Response } from 'express';
import { sendProblem, type Problem } from './problem';
import { readPlainJson } from './read-plain-json';

// The answers for a body the route cannot read, whichever check finds the fault.
export const BODY_PROBLEMS = {
  notJson: { status: 415, code: 'unsupported_media_type', title: 'Unsupported media type', detail: 'Send the body as UTF-8 application/json.' },
  tooLarge: { status: 413, code: 'payload_too_large', title: 'Payload too large', detail: 'The request body is over 16 KiB.' },
  malformed: { status: 400, code: 'invalid_request', title: 'Invalid request', detail: 'The request body is not valid JSON.' },
} as const satisfies Record<string, Problem>;

export const BODY_LIMIT_BYTES = 16 * 1024;

// Browsers never compress request bodies: refusing Content-Encoding (415) also rules out zip bombs. The type was checked
// just before, so body-parser need not check it again.
const parseJson = express.json({ limit: BODY_LIMIT_BYTES, type: () => true, strict: true, inflate: false });

// The Content-Type values browsers' fetch and docs/openapi.yaml's examples send, lower-cased.
const PLAIN_JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8', 'application/json;charset=utf-8']);

// A plain UTF-8 JSON body with no Content-Encoding is read by readPlainJson, with body-parser's answers; any other
// request goes through type-is and body-parser: 415 before reading a byte of a body that is not JSON.
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  if (isPlainJson(req)) {
    readPlainJson(req, BODY_LIMIT_BYTES, next);
    return;
  }
  if (!req.is('application/json')) {
    sendProblem(res, req.requestId, BODY_PROBLEMS.notJson);
    return;
  }
  parseJson(req, res, next);
}

// type-is counts a request as having a body when it has a Transfer-Encoding or a Content-Length; one without is 415.
function isPlainJson(req: Request): boolean {
  const { headers } = req;
  const type = headers['content-type'];
  return (
    type !== undefined &&
    PLAIN_JSON_TYPES.has(type.toLowerCase()) &&
    headers['content-encoding'] === undefined &&
    (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined)
  );
}
