import { describeAttempt, readAnswer, type AnswerTerms } from '../../../src/service/upstream/read-answer';
import { UpstreamRejectedError } from '../../../src/service/upstream/upstream-rejected-error';
import { UpstreamTimeoutError } from '../../../src/service/upstream/upstream-timeout-error';
import { UpstreamUnavailableError } from '../../../src/service/upstream/upstream-unavailable-error';
import type { AttemptResult } from '../../../src/service/upstream/http-attempt';
import { answered, refused, timedOut, unreadable } from '../../support/attempt-results';

const TERMS: AnswerTerms = { upstream: 'primer', retryAfterSeconds: 7 };

function thrownBy(result: AttemptResult, terms: AnswerTerms = TERMS): unknown {
  try {
    readAnswer(result, terms);
  } catch (error) {
    return error;
  }
  throw new Error('readAnswer did not throw');
}

describe('readAnswer', () => {
  it.each([200, 201, 204, 299])('when the upstream answers %i, then its status and body come back', (status) => {
    expect(readAnswer(answered(status, '{"a":1}'), TERMS)).toEqual({ status, body: '{"a":1}' });
  });

  it('when the time budget ran out, then it throws a timeout error for that upstream', () => {
    const error = thrownBy(timedOut, { ...TERMS, upstream: 'orders' });

    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error).toMatchObject({ upstream: 'orders', detail: 'time budget ran out' });
  });

  it('when the connection failed, then the upstream is unavailable for the terms\' Retry-After', () => {
    const error = thrownBy(refused);

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ upstream: 'primer', detail: 'connection error ECONNREFUSED', retryAfterSeconds: 7 });
  });

  it.each([429, 500, 502, 503, 504, 599])('when the upstream answers %i, then it is unavailable', (status) => {
    expect(thrownBy(answered(status))).toBeInstanceOf(UpstreamUnavailableError);
  });

  it.each([300, 304, 400, 401, 404, 409, 422, 499])('when the upstream answers %i, then the answer is rejected with its status', (status) => {
    const error = thrownBy(answered(status));

    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({ status, detail: `HTTP ${status}` });
  });

  it('when the body could not be read, then it is rejected without a status', () => {
    const error = thrownBy(unreadable);

    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({ status: undefined, detail: 'answer over 1 MiB' });
  });

  it('when terms add context and the upstream\'s error text, then both reach the logged detail of a failed answer', () => {
    const terms: AnswerTerms = { ...TERMS, context: 'after 3 attempt(s)', errorText: (body) => `said ${body}` };

    expect(thrownBy(answered(503, 'busy'), terms)).toMatchObject({ detail: 'HTTP 503 after 3 attempt(s): said busy' });
    expect(thrownBy(timedOut, terms)).toMatchObject({ detail: 'time budget ran out after 3 attempt(s)' });
  });
});

describe('describeAttempt', () => {
  it('names each outcome in one line for the log', () => {
    expect([answered(502), refused, timedOut, unreadable].map(describeAttempt)).toEqual([
      'HTTP 502',
      'connection error ECONNREFUSED',
      'time budget ran out',
      'answer over 1 MiB',
    ]);
  });
});
