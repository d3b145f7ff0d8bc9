import { createRedactor, REDACTED } from '../../../src/service/upstream/redactor';

describe('createRedactor', () => {
  it('when the text repeats a configured secret, then every occurrence is replaced', () => {
    const redact = createRedactor(['sk_live_abc123', 'ost_token_9']);

    expect(redact('key sk_live_abc123 rejected; sk_live_abc123 again; bearer ost_token_9')).toBe(`key ${REDACTED} rejected; ${REDACTED} again; bearer ${REDACTED}`);
  });

  it("when the text repeats a secret of this call only, then it is replaced too, and not in other calls' text", () => {
    const redact = createRedactor([]);

    expect(redact('session tok-42-call is closed', ['tok-42-call'])).toBe(`session ${REDACTED} is closed`);
    expect(redact('session tok-42-call is closed')).toBe('session tok-42-call is closed');
  });

  it('when one secret contains another, then the longer one is replaced whole', () => {
    const redact = createRedactor(['abc', 'abcdef']);

    expect(redact('x abcdef y')).toBe(`x ${REDACTED} y`);
  });

  it('when the text holds something shaped like a client token, then it is replaced even though no one named it', () => {
    const redact = createRedactor([]);

    expect(redact('token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl expired')).toBe(`token ${REDACTED} expired`);
  });

  it('when secrets are unset or empty, then the text is left as it is', () => {
    const redact = createRedactor([undefined, '']);

    expect(redact('nothing secret here', [''])).toBe('nothing secret here');
  });
});
