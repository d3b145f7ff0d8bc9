import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { BODY_PROBLEMS, jsonBody } from '../../../src/service/http/json-body';
import { sendProblem } from '../../../src/service/http/problem';

// What the service ran before its own reader (and still runs for any other request shape): type-is, then body-parser.
const bodyParserJson = express.json({ limit: '16kb', type: 'application/json', strict: true, inflate: false });
const bodyParserBody: RequestHandler = (req, res, next) => {
  if (!req.is('application/json')) {
    sendProblem(res, req.requestId, BODY_PROBLEMS.notJson);
    return;
  }
  bodyParserJson(req, res, next);
};

// Each app echoes the parsed body, or the status and `expose` of what its reader passed on, as the error handler reads them.
function echoApp(reader: RequestHandler): Promise<Server> {
  const app = express();
  app.post('/echo', reader, (req, res) => void res.json({ body: req.body as unknown }));
  app.use((error: { status?: number; expose?: boolean }, _req: Request, res: Response, _next: NextFunction) => {
    res.status(error.status ?? 500).json({ status: error.status, expose: error.expose });
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

interface Answer {
  status: number;
  body: string;
}

// Writes each piece of raw HTTP/1.1 in turn on one connection and reads one answer per request: keep-alive is part of the check.
async function exchange(server: Server, pieces: readonly (string | Buffer)[], answers = 1): Promise<Answer[]> {
  const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let received = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
  for (const piece of pieces) {
    socket.write(piece);
    await sleep(5);
  }
  const read: Answer[] = [];
  while (read.length < answers) {
    const answer = takeAnswer(received);
    if (answer) {
      read.push(answer.answer);
      received = received.subarray(answer.length);
    } else {
      await sleep(5);
    }
  }
  socket.destroy();
  return read;
}

function takeAnswer(bytes: Buffer): { answer: Answer; length: number } | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const head = bytes.subarray(0, headEnd).toString('latin1');
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
  if (bytes.length < headEnd + 4 + length) return undefined;
  return { answer: { status: Number(head.split(' ')[1]), body: bytes.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8') }, length: headEnd + 4 + length };
}

const post = (headers: string, body: string | Buffer = '') => Buffer.concat([Buffer.from(`POST /echo HTTP/1.1\r\nHost: x\r\n${headers}\r\n`), Buffer.from(body)]);
const withLength = (body: string | Buffer, type = 'application/json') => post(`Content-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`, body);
const chunk = (data: string | Buffer) => Buffer.concat([Buffer.from(`${Buffer.byteLength(data).toString(16)}\r\n`), Buffer.from(data), Buffer.from('\r\n')]);
const chunked = (type = 'application/json') => post(`Content-Type: ${type}\r\nTransfer-Encoding: chunked\r\n`);
const LAST_CHUNK = '0\r\n\r\n';
const LIMIT = 16 * 1024;
const padded = (bytes: number) => `{"cartId":"demo-gbp","pad":"${'x'.repeat(bytes - 30)}"}`;
const eAcute = Buffer.from('é');

let service: Server;
let reference: Server;

beforeAll(async () => {
  [service, reference] = await Promise.all([echoApp(jsonBody), echoApp(bodyParserBody)]);
});

afterAll(async () => {
  await Promise.all([service, reference].map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('the JSON body reader against body-parser, over a real socket', () => {
  it.each<[string, number, (string | Buffer)[]]>([
    ['a small object', 200, [withLength('{"cartId":"demo-gbp"}')]],
    ['an array', 200, [withLength('[1,"two",{"three":3}]')]],
    ['an object after JSON white space', 200, [withLength(' \t\r\n{"cartId":"demo-gbp"}')]],
    ['a byte order mark before the object', 200, [withLength('\ufeff{"cartId":"demo-gbp"}')]],
    ['an empty body', 200, [withLength('')]],
    ['a charset=utf-8 type', 200, [withLength('{"a":1}', 'application/json; charset=utf-8')]],
    ['an upper-case type', 200, [withLength('{"a":1}', 'Application/JSON')]],
    ['a body in chunks, a character split between two', 200, [chunked(), chunk('{"cartId":"'), chunk(eAcute.subarray(0, 1)), chunk(Buffer.concat([eAcute.subarray(1), Buffer.from('"}')])), LAST_CHUNK]],
    ['bytes that are not UTF-8 inside a string', 200, [withLength(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]))]],
    ['exactly 16 KiB', 200, [withLength(padded(LIMIT))]],
    ['a JSON string', 400, [withLength('"demo-gbp"')]],
    ['a number after white space', 400, [withLength('  42')]],
    ['white space alone', 400, [withLength(' \n ')]],
    ['truncated JSON', 400, [withLength('{"cartId":"demo-gbp"')]],
    ['a non-breaking space before the object', 400, [withLength('\u00a0{"a":1}')]],
    ['a declared length one byte over 16 KiB', 413, [withLength(padded(LIMIT + 1))]],
    ['chunks that pass 16 KiB', 413, [chunked(), chunk(padded(LIMIT - 100)), chunk('x'.repeat(200)), LAST_CHUNK]],
    ['no body at all', 415, [post('Content-Type: application/json\r\n')]],
    ['a Latin-1 charset', 415, [withLength('{"a":1}', 'application/json; charset=iso-8859-1')]],
    ['a text type', 415, [withLength('{"a":1}', 'text/plain')]],
    ['a Content-Encoding', 415, [post(`Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 7\r\n`, '{"a":1}')]],
  ])('when the body is %s, then both answer %d alike', async (_name, status, pieces) => {
    const [ours, theirs] = await Promise.all([exchange(service, pieces), exchange(reference, pieces)]);

    expect(ours).toEqual(theirs);
    expect(ours[0]?.status).toBe(status);
  });

  it('when a body was over the limit, then the connection still answers the next request', async () => {
    const pieces = [withLength(padded(LIMIT + 1)), withLength('{"cartId":"demo-gbp"}')];

    const [ours, theirs] = await Promise.all([exchange(service, pieces, 2), exchange(reference, pieces, 2)]);

    expect(ours).toEqual(theirs);
    expect(ours.map((answer) => answer.status)).toEqual([413, 200]);
  });

  it('when a body arrives byte by byte, then it is read whole', async () => {
    const body = '{"cartId":"demo-gbp"}';
    const pieces = [post(`Content-Type: application/json\r\nContent-Length: ${body.length}\r\n`), ...body.split('')];

    const [answer] = await exchange(service, pieces);

    expect(answer).toEqual({ status: 200, body: JSON.stringify({ body: { cartId: 'demo-gbp' } }) });
  });
});
