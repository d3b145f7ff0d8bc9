// Universal Checkout (@primer-io/checkout-web): showUniversalCheckout, its result callbacks and refreshClientSession().
// https://primer.io/docs/sdk/web/v2.x.x/installation
import type { Primer, PrimerCheckout, UniversalCheckoutOptions } from '@primer-io/checkout-web';
import type { ConfirmPayment, PaymentForm, PaymentResultListener } from './payment-form.js';
import { reportServerOutcome } from './server-outcome.js';

export type UniversalCheckoutSdk = Pick<typeof Primer, 'showUniversalCheckout'>;

declare global {
  interface Window {
    // Primer.js is a UMD bundle: loaded by a script tag it sets window.Primer = { Primer, ... }.
    Primer?: { Primer?: UniversalCheckoutSdk };
  }
}

// Past this, a checkout that has not shown is reported instead of leaving a spinner.
const SHOW_TIMEOUT_MS = 15_000;

// Loads the package's Primer.js and Checkout.css (served by your page) and returns the Primer object.
export async function loadUniversalCheckout(scriptUrl: string, stylesheetUrl: string): Promise<UniversalCheckoutSdk> {
  const stylesheet = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheetUrl });
  const script = Object.assign(document.createElement('script'), { src: scriptUrl });
  const loaded = new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`could not load ${scriptUrl}`)), { once: true });
  });
  document.head.append(stylesheet, script);
  await loaded;
  const sdk = window.Primer?.Primer;
  if (!sdk) throw new Error(`${scriptUrl} did not define window.Primer.Primer`);
  return sdk;
}

// `confirm` asks the service about each payment the checkout completes; `onResult` hears the service's outcome.
export function createUniversalCheckoutForm(sdk: UniversalCheckoutSdk, container: HTMLElement, onResult: PaymentResultListener, confirm: ConfirmPayment): PaymentForm {
  let checkout: PrimerCheckout | null = null;

  const options: UniversalCheckoutOptions = {
    container,
    onCheckoutComplete: ({ payment }) => void reportServerOutcome(payment, confirm, onResult),
    onCheckoutFail: (error, { payment }, handler) => {
      // The form shows its own message and stays, so the shopper can try another card.
      handler?.showErrorMessage();
      onResult({ outcome: 'failure', code: error.code, message: error.message, diagnosticsId: error.diagnosticsId, paymentId: payment?.id ?? null });
    },
  };

  return {
    sdk: 'universal-checkout',
    async show(clientToken) {
      checkout = await withTimeout(sdk.showUniversalCheckout(clientToken, options), SHOW_TIMEOUT_MS);
    },
    // The form stays mounted; the SDK fetches the session the server just updated.
    async refresh() {
      if (!checkout) throw new Error('Universal Checkout is not shown');
      if (!(await checkout.refreshClientSession())) throw new Error('Universal Checkout could not refresh its session');
    },
    // Universal Checkout takes its token only at start (setClientToken is deprecated), so a new token means a new form.
    async replaceToken(clientToken) {
      checkout?.teardown();
      checkout = await withTimeout(sdk.showUniversalCheckout(clientToken, options), SHOW_TIMEOUT_MS);
    },
    teardown() {
      checkout?.teardown();
      checkout = null;
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('Universal Checkout did not show in time')), ms)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
