import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

// What read-body can inflate, sent as Accept-Encoding (the encodings axios's own Node adapter asks for).
export const ACCEPT_ENCODING = 'gzip, deflate, br';

// The body went past the cap, counted after inflating (so a small gzip bomb is caught too).
export class BodyTooLargeError extends Error {
  readonly code = 'ERR_BODY_TOO_LARGE';
}

// The body said it was compressed but does not inflate.
export class BodyDoesNotInflateError extends Error {
  readonly code = 'ERR_BODY_DOES_NOT_INFLATE';
}

// Sync flush as axios does it: a body cut short at the end still yields what inflated, a corrupt one fails.
const ZLIB_OPTIONS = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const BROTLI_OPTIONS = { flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH };

export function inflaterFor(contentEncoding: string | undefined): zlib.Unzip | zlib.BrotliDecompress | undefined {
  switch (contentEncoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
    case 'deflate':
      return zlib.createUnzip(ZLIB_OPTIONS);
    case 'br':
      return zlib.createBrotliDecompress(BROTLI_OPTIONS);
    default:
      return undefined;
  }
}

// The whole body as UTF-8 text, at most `maxBytes` of it (negative: no cap); errors of the source pass through as they are.
export function readBody(source: Readable, inflater: zlib.Unzip | zlib.BrotliDecompress | undefined, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: unknown) => {
      source.destroy();
      inflater?.destroy();
      reject(error);
    };
    const text = inflater ?? source;
    text.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (maxBytes >= 0 && size > maxBytes) fail(new BodyTooLargeError(`answer over ${maxBytes} bytes`));
      else chunks.push(chunk);
    });
    text.once('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8')));
    source.once('error', fail);
    if (inflater) {
      inflater.once('error', (error) => fail(new BodyDoesNotInflateError('compressed answer that does not inflate', { cause: error })));
      source.pipe(inflater);
    }
  });
}
