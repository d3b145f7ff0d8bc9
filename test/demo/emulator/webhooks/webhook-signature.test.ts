import { webhookSignature } from '../../../../src/demo/emulator/webhooks/webhook-signature';

describe('webhookSignature', () => {
  it('when given RFC 4231’s second test case, then it is that HMAC-SHA256, base64-encoded', () => {
    // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?", HMAC-SHA256 5bdcc146…ec3843.
    expect(webhookSignature('Jefe', 'what do ya want for nothing?')).toBe(Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString('base64'));
  });

  it('when one byte of the body changes, then the signature changes', () => {
    expect(webhookSignature('s', '{"a":1}')).not.toBe(webhookSignature('s', '{"a":2}'));
  });

  it('when the body has non-ASCII text, then its UTF-8 bytes are signed', () => {
    expect(webhookSignature('s', '{"name":"Zoë"}')).toBe('4BOxDnO8/7tY+lmBcvTKzL1CRe2kBrDNqXEqM6zoJN0=');
  });
});
