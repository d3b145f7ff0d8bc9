import { CheckoutSessionError } from '../../../src/browser/service-error';

// The CheckoutSessionError a call rejected with; anything else (a resolve, another error) fails the test.
export async function failure(promise: Promise<unknown>): Promise<CheckoutSessionError> {
  const error: unknown = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof CheckoutSessionError)) throw new Error(`expected a CheckoutSessionError, got ${String(error)}`);
  return error;
}
