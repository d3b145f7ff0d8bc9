import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { shopperMessage } from '../../src/browser/shopper-messages';
import type { ProblemCode } from '../../src/browser/service-error';

const FALLBACK = 'Something went wrong while preparing your payment. Please try again later.';

function documentedProblemCodes(): ProblemCode[] {
  const doc = parse(readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'openapi.yaml'), 'utf8'));
  return doc.components.schemas.Problem.properties.code.enum;
}

describe('shopper messages', () => {
  it.each(documentedProblemCodes())('has plain words for %s that name no internals', (code) => {
    const message = shopperMessage({ code });
    expect(message).toMatch(/^[A-Z].*\.$/);
    expect(message).not.toMatch(/primer|upstream|http|_/i);
  });

  it('tells rate limiting and an outage apart from a page bug', () => {
    expect(shopperMessage({ code: 'rate_limited' })).toContain('wait a moment');
    expect(shopperMessage({ code: 'upstream_unavailable' })).toContain('in a moment');
    expect(shopperMessage({ code: 'cart_not_payable' })).toContain('basket');
  });

  it('falls back to a general message for an answer that is no problem document', () => {
    expect(shopperMessage({ code: 'http_502' })).toBe(FALLBACK);
  });
});
