import { STATUS_CODES } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { primerError } from '../primer-error';
import type { Fault } from './fault-rule';

// What a load balancer in front of Primer answers when it gives up: not JSON at all.
function htmlErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

// Waits `ms`, or less when the client goes away or the emulator closes: no timer outlives its socket.
function waitWhileOpen(res: Response, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

// Sends the headers and half the body at once, the rest after `ms`.
function trickleBody(res: Response, ms: number): void {
  const end = res.end.bind(res) as (chunk?: unknown) => Response;
  res.end = ((chunk?: unknown) => {
    if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) return end(chunk);
    const body = Buffer.from(chunk);
    const half = Math.floor(body.length / 2);
    res.write(body.subarray(0, half));
    void waitWhileOpen(res, ms).then((open) => {
      if (open) end(body.subarray(half));
    });
    return res;
  }) as Response['end'];
}

function setRetryAfter(res: Response, retryAfter: number | string | undefined): void {
  if (retryAfter !== undefined) res.set('Retry-After', String(retryAfter));
}

export async function serveFault(fault: Fault, req: Request, res: Response, next: NextFunction): Promise<void> {
  switch (fault.kind) {
    case 'status':
      setRetryAfter(res, fault.retryAfter);
      res.status(fault.status).json(primerError(fault.errorId ?? 'EmulatedFault', fault.description ?? `Emulated ${fault.status} response`));
      return;
    case 'delay-headers':
      if (await waitWhileOpen(res, fault.ms)) next();
      return;
    case 'delay-body':
      trickleBody(res, fault.ms);
      next();
      return;
    case 'drop':
      req.socket.destroy();
      return;
    case 'invalid-json':
      res.status(200).type('application/json').send('{"clientToken": "eyJhbGciOi');
      return;
    case 'html':
      setRetryAfter(res, fault.retryAfter);
      res.status(fault.status ?? 502).type('text/html').send(htmlErrorPage(fault.status ?? 502));
      return;
    case 'no-token':
      res.status(200).json({ warnings: [] });
      return;
  }
}
