// Which Primer SDK the demo page runs (?sdk=primer-checkout, the default, or ?sdk=universal-checkout) and loading it.
import type { ConfirmPayment, PaymentForm, PaymentResultListener } from '../payment-form.js';
import { createPrimerCheckoutForm, loadPrimerCheckout } from '../primer-checkout-form.js';
import { createUniversalCheckoutForm, loadUniversalCheckout } from '../universal-checkout-form.js';
import { unavailableForm } from './demo-token.js';

export type SdkName = PaymentForm['sdk'];

// The packages' own files, served by the demo page router from node_modules.
const PRIMER_CHECKOUT_LOADER = '/demo/vendor/primer-checkout/primer-loader.js';
const UNIVERSAL_CHECKOUT_SCRIPT = '/demo/vendor/primer/Primer.js';
const UNIVERSAL_CHECKOUT_STYLESHEET = '/demo/vendor/primer/Checkout.css';

export const SDK_LABELS: Record<SdkName, string> = {
  'primer-checkout': 'Primer Checkout',
  'universal-checkout': 'Universal Checkout',
};

export function chosenSdk(search: string): SdkName {
  return new URLSearchParams(search).get('sdk') === 'universal-checkout' ? 'universal-checkout' : 'primer-checkout';
}

// Loads only the chosen SDK; a load failure becomes a form that reports it when a token arrives.
export async function loadPaymentForm(sdk: SdkName, container: HTMLElement, onResult: PaymentResultListener, confirm: ConfirmPayment): Promise<PaymentForm> {
  try {
    if (sdk === 'universal-checkout') {
      return createUniversalCheckoutForm(await loadUniversalCheckout(UNIVERSAL_CHECKOUT_SCRIPT, UNIVERSAL_CHECKOUT_STYLESHEET), container, onResult, confirm);
    }
    await loadPrimerCheckout(PRIMER_CHECKOUT_LOADER);
    return createPrimerCheckoutForm(container, onResult, confirm);
  } catch (error) {
    return unavailableForm(sdk, error);
  }
}
