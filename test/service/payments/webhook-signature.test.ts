import { isAuthentic } from '../../../src/service/payments/webhook-signature';

// Vectors computed outside the code under test: printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -binary | base64
const BODY = Buffer.from('{"eventType":"PAYMENT.STATUS","signedAt":"1764600000","payment":{"id":"kHdEw9EG","status":"AUTHORIZED"}}');
const NEW_SECRET = 'whsec_new_2f8a91';
const OLD_SECRET = 'whsec_old_77c3d0';
const SIGNED_WITH_NEW = 'HSxjbGIndy+o2UOpKL0u8CLHioE0oEeyIKDpgdaAlZ8=';
const SIGNED_WITH_OLD = 'Jy6mNa1tpH/EPS7xHY8u2QOIZAE3qyD2HVyoSrsfm4w=';
// The same body with one trailing space, under the new secret.
const SIGNED_WITH_NEW_PLUS_SPACE = 'esnbX2anbPswKvdCxnY/1+ssR2sQUnKVh02+D32pM3g=';
// HMAC-SHA1 of the body under the new secret: a 20-byte digest.
const SHA1_OF_BODY = 'sGg1a/LWQTj5IEvo/NWmx0CYV/w=';

describe('isAuthentic', () => {
  it('when the key and data of RFC 4231 test case 2 are signed, then its published HMAC-SHA256 is what matches', () => {
    expect(isAuthentic(Buffer.from('what do ya want for nothing?'), { primary: 'W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=' }, ['Jefe'])).toBe(true);
  });

  it('when X-Signature-Primary is the HMAC of the body under the secret, then the delivery is authentic', () => {
    expect(isAuthentic(BODY, { primary: SIGNED_WITH_NEW }, [NEW_SECRET])).toBe(true);
  });

  it('when there is no signature header at all, then it is not', () => {
    expect(isAuthentic(BODY, {}, [NEW_SECRET])).toBe(false);
    expect(isAuthentic(BODY, { primary: '', secondary: '' }, [NEW_SECRET])).toBe(false);
  });

  it('when the signature was made with another secret, then it is not', () => {
    expect(isAuthentic(BODY, { primary: SIGNED_WITH_OLD }, [NEW_SECRET])).toBe(false);
  });

  it('when one byte of the body was added after signing, then it is not', () => {
    const tampered = Buffer.concat([BODY, Buffer.from(' ')]);

    expect(isAuthentic(tampered, { primary: SIGNED_WITH_NEW }, [NEW_SECRET])).toBe(false);
    expect(isAuthentic(tampered, { primary: SIGNED_WITH_NEW_PLUS_SPACE }, [NEW_SECRET])).toBe(true);
  });

  it('when a rotation is under way, then either header under either configured secret is accepted', () => {
    const secrets = [NEW_SECRET, OLD_SECRET];

    expect(isAuthentic(BODY, { primary: SIGNED_WITH_NEW, secondary: SIGNED_WITH_OLD }, secrets)).toBe(true);
    expect(isAuthentic(BODY, { primary: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', secondary: SIGNED_WITH_OLD }, secrets)).toBe(true);
    expect(isAuthentic(BODY, { secondary: SIGNED_WITH_NEW }, secrets)).toBe(true);
    expect(isAuthentic(BODY, { primary: SIGNED_WITH_OLD }, [OLD_SECRET])).toBe(true);
  });

  it('when the old secret has been removed from the configuration, then what it signed is refused', () => {
    expect(isAuthentic(BODY, { primary: SIGNED_WITH_OLD, secondary: SIGNED_WITH_OLD }, [NEW_SECRET])).toBe(false);
  });

  it('when the header is not the base64 of a 32-byte digest, then it is refused without being compared', () => {
    for (const primary of [SHA1_OF_BODY, SIGNED_WITH_NEW.slice(0, -1), `${SIGNED_WITH_NEW}AAAA`, SIGNED_WITH_NEW.replace('+', '-'), 'not base64 at all']) {
      expect(isAuthentic(BODY, { primary }, [NEW_SECRET])).toBe(false);
    }
  });

  it('when the header has white space around it, then it is still read', () => {
    expect(isAuthentic(BODY, { primary: ` ${SIGNED_WITH_NEW} ` }, [NEW_SECRET])).toBe(true);
  });

  it('when the body is not UTF-8 or is empty, then its bytes are what is signed', () => {
    expect(isAuthentic(Buffer.from('caf\xc3\xa9 \xe2\x82\xac', 'latin1'), { primary: 'ZFfgCLTS8QX69ZeF5ka6kUf+ubhr+m0knyjyzs+iUgI=' }, [NEW_SECRET])).toBe(true);
    expect(isAuthentic(Buffer.alloc(0), { primary: 'E+ufRlIdABbQQrOArK8K1Bje6QQcKntbC2ufA+Myp2g=' }, [NEW_SECRET])).toBe(true);
  });

  it('when no secret is configured, then nothing is authentic', () => {
    expect(isAuthentic(BODY, { primary: SIGNED_WITH_NEW }, [])).toBe(false);
  });
});
