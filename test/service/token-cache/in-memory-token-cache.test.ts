import { InMemoryTokenCache } from '../../../src/service/token-cache/in-memory-token-cache';
import type { CachedToken } from '../../../src/service/token-cache/token-cache';
import { CONTRACT_MIN_TTL_MS, tokenCacheContract } from '../../support/token-cache-contract';

const HOUR_MS = 3_600_000;
const MIN_TTL_MS = HOUR_MS;

function makeStore(maxEntries?: number) {
  const clock = { now: 1_700_000_000_000 };
  const options = { minTtlMs: MIN_TTL_MS, now: () => clock.now };
  const store = new InMemoryTokenCache(maxEntries === undefined ? options : { ...options, maxEntries });
  const session = (token: string, lifetimeMs = 24 * HOUR_MS): CachedToken => ({
    clientToken: token,
    expiresAt: clock.now + lifetimeMs,
    cartVersion: '7',
  });
  return { store, clock, session };
}

describe('InMemoryTokenCache, the TokenCache contract', () => {
  tokenCacheContract(() => new InMemoryTokenCache({ minTtlMs: CONTRACT_MIN_TTL_MS }));
});

describe('InMemoryTokenCache', () => {
  it('when a caller mutates what it got, then the stored session is unchanged', async () => {
    const { store, session } = makeStore();
    await store.set('k', session('tok_1'));
    const got = await store.get('k');
    if (got) got.cartVersion = 'tampered';
    expect((await store.get('k'))?.cartVersion).toBe('7');
  });

  it('when the token has exactly minTtl or less left, then it is no longer returned', async () => {
    const { store, clock, session } = makeStore();
    await store.set('k', session('tok_1', MIN_TTL_MS + 10_000));
    clock.now += 9_999;
    expect(await store.get('k')).toBeDefined();
    clock.now += 1;
    expect(await store.get('k')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('when the cap is reached, then the least recently used entry is evicted', async () => {
    const { store, session } = makeStore(2);
    await store.set('a', session('tok_a'));
    await store.set('b', session('tok_b'));
    await store.get('a');
    await store.set('c', session('tok_c'));
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('a'))?.clientToken).toBe('tok_a');
    expect((await store.get('c'))?.clientToken).toBe('tok_c');
  });

  it('when 100,000 distinct carts are stored, then the store stays within its cap', async () => {
    const { store, session } = makeStore(1_000);
    for (let i = 0; i < 100_000; i += 1) await store.set(`cart_${i}`, session(`tok_${i}`));
    expect(store.size).toBe(1_000);
    expect((await store.get('cart_99999'))?.clientToken).toBe('tok_99999');
    expect(await store.get('cart_0')).toBeUndefined();
  });

  it('when no cap is given, then it defaults to 10,000 entries', async () => {
    const { store, session } = makeStore();
    for (let i = 0; i < 10_050; i += 1) await store.set(`cart_${i}`, session(`tok_${i}`));
    expect(store.size).toBe(10_000);
  });

  it('when no clock is given, then it uses the real one', async () => {
    const store = new InMemoryTokenCache({ minTtlMs: MIN_TTL_MS });
    await store.set('fresh', { clientToken: 't1', expiresAt: Date.now() + 2 * HOUR_MS, cartVersion: '1' });
    await store.set('stale', { clientToken: 't2', expiresAt: Date.now() + HOUR_MS / 2, cartVersion: '1' });
    expect(await store.get('fresh')).toBeDefined();
    expect(await store.get('stale')).toBeUndefined();
  });
});
