import { NoTokenCache } from '../../../src/service/token-cache/no-token-cache';
import type { TokenCache } from '../../../src/service/token-cache/token-cache';

describe('NoTokenCache', () => {
  it('when a session is set, then it is never returned (reuse off)', async () => {
    const store: TokenCache = new NoTokenCache();
    await store.set('k', { clientToken: 'tok_1', expiresAt: Date.now() + 86_400_000, cartVersion: '1' });
    expect(await store.get('k')).toBeUndefined();
    await expect(store.delete('k')).resolves.toBeUndefined();
  });
});
