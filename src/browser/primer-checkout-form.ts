// Primer Checkout (@primer-io/primer-js): the <primer-checkout> element, its payment events and refreshSession().
// https://primer.io/docs/sdk/primer-checkout-web/components/primer-checkout
import type { PrimerEvents, PrimerJS } from '@primer-io/primer-js';
import type { ConfirmPayment, PaymentForm, PaymentResultListener } from './payment-form.js';
import { reportServerOutcome } from './server-outcome.js';

type PrimerCheckoutElement = HTMLElement & { readonly primerJS?: PrimerJS | undefined };
type PrimerLoader = Pick<typeof import('@primer-io/primer-js'), 'loadPrimer'>;

// Past this, a form that never said primer:ready is reported instead of leaving a spinner.
const READY_TIMEOUT_MS = 15_000;

// Registers the <primer-checkout> element from the package's ES module (served by your page, or bundled).
export async function loadPrimerCheckout(loaderUrl: string): Promise<void> {
  const loader = (await import(loaderUrl)) as PrimerLoader;
  loader.loadPrimer();
}

// `confirm` asks the service about each payment the element reports; `onResult` hears the service's outcome.
export function createPrimerCheckoutForm(container: HTMLElement, onResult: PaymentResultListener, confirm: ConfirmPayment): PaymentForm {
  let element: PrimerCheckoutElement | null = null;
  let ready: Promise<PrimerJS> | null = null;

  return {
    sdk: 'primer-checkout',
    async show(clientToken) {
      element = document.createElement('primer-checkout');
      listenForResults(element, onResult, confirm);
      ready = nextReady(element);
      element.setAttribute('client-token', clientToken);
      container.replaceChildren(element);
      await ready;
    },
    // The element keeps its card fields; the SDK fetches the session the server just updated.
    async refresh() {
      if (!element || !ready) throw new Error('Primer Checkout is not shown');
      await (element.primerJS ?? (await ready)).refreshSession();
    },
    // A new client-token attribute re-initialises the same element, without removing it from the page.
    async replaceToken(clientToken) {
      if (!element) return this.show(clientToken);
      ready = nextReady(element);
      element.setAttribute('client-token', clientToken);
      await ready;
    },
    teardown() {
      element?.remove();
      element = null;
      ready = null;
    },
  };
}

function nextReady(element: PrimerCheckoutElement): Promise<PrimerJS> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Primer Checkout did not become ready')), READY_TIMEOUT_MS);
    element.addEventListener(
      'primer:ready',
      (event) => {
        clearTimeout(timer);
        resolve((event as PrimerEvents['primer:ready']).detail);
      },
      { once: true },
    );
  });
}

// The element's payment events; a success is passed on only as the service confirms it.
export function listenForResults(element: EventTarget, onResult: PaymentResultListener, confirm: ConfirmPayment): void {
  element.addEventListener('primer:payment-success', (event) => {
    const { payment } = (event as PrimerEvents['primer:payment-success']).detail;
    void reportServerOutcome(payment, confirm, onResult);
  });
  element.addEventListener('primer:payment-failure', (event) => {
    const { error, payment } = (event as PrimerEvents['primer:payment-failure']).detail;
    onResult({ outcome: 'failure', code: error.code, message: error.message, diagnosticsId: error.diagnosticsId ?? null, paymentId: payment?.id ?? null });
  });
}
