/// <reference lib="dom" />
// Recording stand-ins for the two SDKs' public surfaces, written from the packages' own type definitions and
// served in place of their files in tests only, since the real cores come from Primer's CDN.
import type { PrimerCheckout, UniversalCheckoutOptions } from '@primer-io/checkout-web';
import type { PrimerJS } from '@primer-io/primer-js';

// What the page did to the SDK, read back with page.evaluate.
export interface StandInRecord {
  tokens: string[];
  refreshes: number;
  teardowns: number;
  shows: number;
}

declare global {
  interface Window {
    sdkStandIn?: StandInRecord & { options?: UniversalCheckoutOptions };
  }
}

// <primer-checkout>: client-token attribute, primer:ready with a PrimerJS whose refreshSession() is recorded.
function definePrimerCheckoutStandIn(): void {
  const record: StandInRecord = { tokens: [], refreshes: 0, teardowns: 0, shows: 0 };
  window.sdkStandIn = record;
  const primerJS: Pick<PrimerJS, 'refreshSession' | 'getPaymentMethods'> = {
    refreshSession: async () => void record.refreshes++,
    getPaymentMethods: () => [],
  };
  class PrimerCheckoutStandIn extends HTMLElement {
    static observedAttributes = ['client-token'];
    get primerJS() {
      return primerJS;
    }
    connectedCallback() {
      record.shows++;
      this.textContent = 'Primer Checkout stand-in: card form';
    }
    disconnectedCallback() {
      record.teardowns++;
    }
    attributeChangedCallback(_name: string, _old: string | null, token: string) {
      record.tokens.push(token);
      setTimeout(() => this.dispatchEvent(new CustomEvent('primer:ready', { detail: primerJS, bubbles: true, composed: true })), 0);
    }
  }
  customElements.define('primer-checkout', PrimerCheckoutStandIn);
}

// window.Primer.Primer.showUniversalCheckout, returning a checkout whose refreshClientSession() and teardown() are recorded.
function installUniversalCheckoutStandIn(): void {
  const record: StandInRecord & { options?: UniversalCheckoutOptions } = { tokens: [], refreshes: 0, teardowns: 0, shows: 0 };
  window.sdkStandIn = record;
  const showUniversalCheckout = async (token: string, options?: UniversalCheckoutOptions): Promise<PrimerCheckout> => {
    record.tokens.push(token);
    record.shows++;
    if (options) record.options = options;
    const container = options?.container;
    if (container instanceof Element) container.textContent = 'Universal Checkout stand-in: card form';
    return {
      teardown: () => {
        record.teardowns++;
        if (container instanceof Element) container.textContent = '';
      },
      submit: () => {},
      setPaymentCreationEnabled: () => {},
      setTokenizationEnabled: () => {},
      refreshClientSession: async () => (record.refreshes++, true),
      setClientToken: async () => false,
    };
  };
  Object.assign(window, { Primer: { Primer: { showUniversalCheckout } } });
}

// Function sources run in the page: the compiled bodies refer to nothing outside themselves.
export const PRIMER_CHECKOUT_LOADER_STAND_IN = `export function loadPrimer() { (${definePrimerCheckoutStandIn.toString()})(); }`;
export const UNIVERSAL_CHECKOUT_SCRIPT_STAND_IN = `(${installUniversalCheckoutStandIn.toString()})();`;
