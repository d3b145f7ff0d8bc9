import { DisabledSessionStore } from '../../../src/service/sessions/disabled-session-store';
import type { SessionStore } from '../../../src/service/sessions/session-store';

describe('DisabledSessionStore', () => {
  it('when a session is set, then it is never returned (reuse off)', async () => {
    const store: SessionStore = new DisabledSessionStore();
    await store.set('k', { clientToken: 'tok_1', expiresAt: Date.now() + 86_400_000, cartVersion: '1' });
    expect(await store.get('k')).toBeUndefined();
    await expect(store.delete('k')).resolves.toBeUndefined();
  });
});
