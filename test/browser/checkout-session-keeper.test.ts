import type { CheckoutSession } from '../../src/browser/checkout-session-client';
import { CheckoutSessionError } from '../../src/browser/service-error';
import { CheckoutSessionKeeper, type SessionChange } from '../../src/browser/checkout-session-keeper';
import type { PaymentForm } from '../../src/browser/payment-form';

const HOUR_MS = 3600 * 1000;

function sessionWith(clientToken: string, lifetimeMs = 24 * HOUR_MS): CheckoutSession {
  return { clientToken, expiresAt: new Date(Date.now() + lifetimeMs), expiresInMs: lifetimeMs, receivedAt: Date.now(), requestId: 'req' };
}

// Records what the keeper asks of the SDK.
function recordingForm(): PaymentForm & { calls: string[] } {
  const calls: string[] = [];
  return {
    sdk: 'primer-checkout',
    calls,
    show: async (token) => void calls.push(`show ${token}`),
    refresh: async () => void calls.push('refresh'),
    replaceToken: async (token) => void calls.push(`replace ${token}`),
    teardown: () => void calls.push('teardown'),
  };
}

function keeperOver(answers: (CheckoutSession | Error)[]) {
  const form = recordingForm();
  const changes: SessionChange[] = [];
  const errors: unknown[] = [];
  const asked: string[] = [];
  const open = async (cartId: string) => {
    asked.push(cartId);
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const keeper = new CheckoutSessionKeeper('cart-1', form, { onSession: (_s, change) => changes.push(change), onError: (error) => errors.push(error) }, open);
  return { keeper, form, changes, errors, asked };
}

afterEach(() => jest.useRealTimers());

describe('CheckoutSessionKeeper', () => {
  it('when the cart changes and the service answers the same token, then the form refreshes and is not torn down', async () => {
    const { keeper, form, changes } = keeperOver([sessionWith('tok-a'), sessionWith('tok-a')]);
    await keeper.start();
    await keeper.cartChanged();
    expect(form.calls).toEqual(['show tok-a', 'refresh']);
    expect(changes).toEqual(['shown', 'refreshed']);
    keeper.stop();
  });

  it('when the service answers a new token, then the form takes it in place', async () => {
    const { keeper, form, changes } = keeperOver([sessionWith('tok-a'), sessionWith('tok-b')]);
    await keeper.start();
    await keeper.cartChanged();
    expect(form.calls).toEqual(['show tok-a', 'replace tok-b']);
    expect(changes).toEqual(['shown', 'replaced']);
    keeper.stop();
  });

  it('when the token is near expiry before use, then it is replaced first; a fresh one is left alone', async () => {
    const { keeper, form, asked } = keeperOver([sessionWith('tok-a', 4 * 60 * 1000), sessionWith('tok-b'), sessionWith('tok-c')]);
    await keeper.start();
    await keeper.renewIfNearExpiry();
    await keeper.renewIfNearExpiry();
    expect(form.calls).toEqual(['show tok-a', 'replace tok-b']);
    expect(asked).toHaveLength(2);
    keeper.stop();
  });

  it('asks for a new token 5 minutes before expiry without being told', async () => {
    jest.useFakeTimers();
    const { keeper, form } = keeperOver([sessionWith('tok-a', 10 * 60 * 1000), sessionWith('tok-b')]);
    await keeper.start();
    await jest.advanceTimersByTimeAsync(4 * 60 * 1000);
    expect(form.calls).toEqual(['show tok-a']);
    await jest.advanceTimersByTimeAsync(60 * 1000);
    expect(form.calls).toEqual(['show tok-a', 'replace tok-b']);
    keeper.stop();
  });

  it('when the service fails, then the error is reported and a retry shows the form', async () => {
    const outage = new CheckoutSessionError(503, 'upstream_unavailable', null, 'req', 2);
    const { keeper, form, errors } = keeperOver([outage, sessionWith('tok-a')]);
    await keeper.start();
    expect(errors).toEqual([outage]);
    await keeper.retry();
    expect(form.calls).toEqual(['show tok-a']);
    keeper.stop();
    expect(form.calls).toEqual(['show tok-a', 'teardown']);
  });
});
