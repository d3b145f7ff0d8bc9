import type { TokenCache, CachedToken } from '../../src/service/token-cache/token-cache';

// The minTtl the contract's stores must be built with; small, so the expiry cases run on the real clock.
export const CONTRACT_MIN_TTL_MS = 1_000;
const DAY_MS = 86_400_000;

const session = (token: string, lifetimeMs = DAY_MS, cartVersion = '7'): CachedToken => ({ clientToken: token, expiresAt: Date.now() + lifetimeMs, cartVersion });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// What every TokenCache promises the use case, run against each implementation (memory in `npm test`, Redis in `npm run test:redis`).
export function tokenCacheContract(makeStore: () => TokenCache): void {
  let store: TokenCache;
  beforeEach(() => {
    store = makeStore();
  });

  it('when a session is set, then get returns it, and after delete it is gone', async () => {
    const stored = session('tok_1');
    await store.set('k', stored);
    expect(await store.get('k')).toEqual(stored);
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });

  it('when a key was never set, then get returns undefined', async () => {
    expect(await store.get('missing')).toBeUndefined();
  });

  it('when two keys are set, then each keeps its own session', async () => {
    await store.set('a', session('tok_a', DAY_MS, '1'));
    await store.set('b', session('tok_b', DAY_MS, '2'));
    expect(await store.get('a')).toMatchObject({ clientToken: 'tok_a', cartVersion: '1' });
    expect(await store.get('b')).toMatchObject({ clientToken: 'tok_b', cartVersion: '2' });
  });

  it('when a set replaces a session, then get returns the new one', async () => {
    await store.set('k', session('tok_1', DAY_MS, '1'));
    await store.set('k', session('tok_1', DAY_MS, '2'));
    expect((await store.get('k'))?.cartVersion).toBe('2');
  });

  it('when the token comes down to minTtl left, then it is no longer returned', async () => {
    await store.set('k', session('tok_1', CONTRACT_MIN_TTL_MS + 300));
    expect(await store.get('k')).toBeDefined();
    await sleep(400);
    expect(await store.get('k')).toBeUndefined();
  });

  it('when a token arrives with no more than minTtl left, then it is not stored', async () => {
    await store.set('k', session('tok_short', CONTRACT_MIN_TTL_MS));
    expect(await store.get('k')).toBeUndefined();
  });

  it('when a short-lived token replaces a stored one, then the old one is not reused either', async () => {
    await store.set('k', session('tok_old'));
    await store.set('k', session('tok_short', CONTRACT_MIN_TTL_MS - 1));
    expect(await store.get('k')).toBeUndefined();
  });
}
