// Demo mode hands out emulator tokens, which no Primer SDK can start with: the page says so instead of hanging.
import type { PaymentForm } from '../payment-form.js';

export class DemoTokenError extends Error {
  override readonly name = 'DemoTokenError';
}

// The SDKs read the token's payload (base64url JSON) and fetch its configurationUrl: an emulator token names no Primer host.
export function isPrimerIssuedToken(token: string): boolean {
  try {
    const [header = '', payload] = token.split('.');
    const json = atob((payload ?? header).replace(/-/g, '+').replace(/_/g, '/'));
    const { configurationUrl } = JSON.parse(json) as { configurationUrl?: unknown };
    return typeof configurationUrl === 'string' && new URL(configurationUrl).hostname.endsWith('.primer.io');
  } catch {
    return false;
  }
}

// Passes Primer-issued tokens to the form and refuses the rest with a DemoTokenError.
export function refusingDemoTokens(form: PaymentForm): PaymentForm {
  const check = (token: string) => {
    if (!isPrimerIssuedToken(token)) throw new DemoTokenError('an emulator token cannot start a Primer SDK');
  };
  return {
    sdk: form.sdk,
    show: async (token) => (check(token), form.show(token)),
    refresh: () => form.refresh(),
    replaceToken: async (token) => (check(token), form.replaceToken(token)),
    teardown: () => form.teardown(),
  };
}

// What the page uses when the SDK's own files did not load: every token fails the same way.
export function unavailableForm(sdk: PaymentForm['sdk'], cause: unknown): PaymentForm {
  const fail = async () => {
    throw cause;
  };
  return { sdk, show: fail, refresh: fail, replaceToken: fail, teardown: () => {} };
}
