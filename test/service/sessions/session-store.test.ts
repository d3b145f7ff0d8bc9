import { sessionKey } from '../../../src/service/sessions/session-store';

describe('sessionKey', () => {
  it('when cart id or API version differ, then the keys differ', () => {
    expect(sessionKey('cart_1', '2.4')).not.toBe(sessionKey('cart_2', '2.4'));
    expect(sessionKey('cart_1', '2.4')).not.toBe(sessionKey('cart_1', '2025-01-01'));
  });

  it('when ids contain the separator, then different pairs still never collide', () => {
    expect(sessionKey('a:b', 'c')).not.toBe(sessionKey('a', 'b:c'));
    expect(sessionKey('a%3Ab', 'c')).not.toBe(sessionKey('a:b', 'c'));
  });

  it('is the same for the same pair', () => {
    expect(sessionKey('cart_1', '2.4')).toBe(sessionKey('cart_1', '2.4'));
  });
});
