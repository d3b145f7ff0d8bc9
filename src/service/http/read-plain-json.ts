import type { NextFunction, Request } from 'express';
import { finished } from 'node:stream';

// Handed to next() as body-parser's http-errors are (`status`, `expose`), so the error handler answers 400 or 413 alike.
export class BodyReadError extends Error {
  readonly expose = true;

  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyReadError';
  }
}

const BYTE_ORDER_MARK = 0xfeff;
// JSON's white space (RFC 8259, section 2) before the first value.
const LEADING_WHITE_SPACE = /^[ \t\n\r]*/;

// Reads a UTF-8 JSON body into req.body with body-parser's answers (`express.json`, strict, no inflate, this limit):
// 413 over the limit, read off first; 400 for an aborted body, a value that is not an object or array, or bad JSON;
// an empty body is {}; a leading byte order mark is dropped; a request already finished is passed on unread.
export function readPlainJson(req: Request, limitBytes: number, next: NextFunction): void {
  if (!req.socket.readable || (req.complete && !req.readable)) {
    next();
    return;
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limitBytes) {
    passOnAfterBody(req, next, new BodyReadError(413, 'request entity too large'));
    return;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  const stop = () => {
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('error', onError);
  };
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received <= limitBytes) {
      chunks.push(chunk);
      return;
    }
    stop();
    passOnAfterBody(req, next, new BodyReadError(413, 'request entity too large'));
  };
  const onEnd = () => {
    stop();
    parseInto(req, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, received), next);
  };
  const onError = () => {
    stop();
    passOnAfterBody(req, next, new BodyReadError(400, 'request aborted'));
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onError);
}

function parseInto(req: Request, bytes: Buffer, next: NextFunction): void {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
  if (text.length === 0) {
    req.body = {};
    next();
    return;
  }
  if (!opensObjectOrArray(text)) {
    next(new BodyReadError(400, 'the body is not a JSON object or array'));
    return;
  }
  try {
    req.body = JSON.parse(text) as unknown;
  } catch {
    next(new BodyReadError(400, 'the body is not valid JSON'));
    return;
  }
  next();
}

// body-parser's strict mode: the first thing after JSON's white space opens an object or an array.
function opensObjectOrArray(text: string): boolean {
  const first = text.charCodeAt(0) > 0x20 ? text[0] : text[LEADING_WHITE_SPACE.exec(text)?.[0].length ?? 0];
  return first === '{' || first === '[';
}

// As body-parser does: the rest of the body is read off before the answer, so the connection stays usable.
function passOnAfterBody(req: Request, next: NextFunction, error: BodyReadError): void {
  finished(req, () => next(error));
  req.resume();
}
