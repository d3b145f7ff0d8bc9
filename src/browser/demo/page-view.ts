// The demo page's DOM: status box, retry button with its Retry-After countdown, payment box.

// The tags the page builds (the map also holds Primer Checkout's elements, which are no plain HTML).
type PageTag = 'p' | 'span' | 'button' | 'li' | 'ul' | 'time' | 'details' | 'summary' | 'div' | 'strong';

export function element<K extends PageTag>(tag: K, className?: string | null, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function required<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`the page has no ${selector}`);
  return found;
}

export type StatusState = 'idle' | 'loading' | 'ready' | 'retryable-error' | 'error';
export type CheckoutState = 'idle' | 'loading' | 'demo' | 'failed' | 'shown' | 'submitted' | 'payment-failed';

export class PageView {
  readonly statusBox = required<HTMLElement>('#status');
  readonly retryButton = required<HTMLButtonElement>('#retry');
  readonly checkoutBox = required<HTMLElement>('#checkout');
  readonly checkoutForm = required<HTMLElement>('#checkout-form');
  #countdown: ReturnType<typeof setInterval> | undefined;

  showStatus(state: StatusState, children: Node[], code?: string): void {
    this.statusBox.dataset.state = state;
    if (code) this.statusBox.dataset.code = code;
    else delete this.statusBox.dataset.code;
    this.statusBox.replaceChildren(...children);
  }

  showCheckout(state: CheckoutState, note: string): void {
    this.checkoutBox.dataset.state = state;
    required<HTMLElement>('#checkout-note').textContent = note;
  }

  // Honours Retry-After: the button stays disabled, counting down, until the service asked us to come back.
  offerRetry(seconds: number): void {
    this.hideRetry();
    this.retryButton.hidden = false;
    let left = seconds;
    const tick = () => {
      this.retryButton.disabled = left > 0;
      this.retryButton.textContent = left > 0 ? `Try again in ${left} s` : 'Try again';
      if (left-- <= 0) clearInterval(this.#countdown);
    };
    tick();
    if (seconds > 0) this.#countdown = setInterval(tick, 1000);
  }

  hideRetry(): void {
    clearInterval(this.#countdown);
    this.retryButton.hidden = true;
  }
}
