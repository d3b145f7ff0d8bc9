import { tokenCacheKey } from '../../../src/service/token-cache/token-cache';

describe('tokenCacheKey', () => {
  it('when cart id or API version differ, then the keys differ', () => {
    expect(tokenCacheKey('cart_1', '2.4')).not.toBe(tokenCacheKey('cart_2', '2.4'));
    expect(tokenCacheKey('cart_1', '2.4')).not.toBe(tokenCacheKey('cart_1', '2025-01-01'));
  });

  it('when ids contain the separator, then different pairs still never collide', () => {
    expect(tokenCacheKey('a:b', 'c')).not.toBe(tokenCacheKey('a', 'b:c'));
    expect(tokenCacheKey('a%3Ab', 'c')).not.toBe(tokenCacheKey('a:b', 'c'));
  });

  it('is the same for the same pair', () => {
    expect(tokenCacheKey('cart_1', '2.4')).toBe(tokenCacheKey('cart_1', '2.4'));
  });
});
