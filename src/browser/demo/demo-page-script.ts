// The demo checkout page: baskets, the chosen SDK, and one CheckoutSessionKeeper per chosen basket.
import type { CheckoutSession } from '../checkout-session-client.js';
import { CheckoutSessionKeeper, type SessionChange } from '../checkout-session-keeper.js';
import { confirmPayment } from '../payment-confirmation-client.js';
import type { ConfirmPayment, PaymentForm, PaymentResult } from '../payment-form.js';
import { reportServerOutcome } from '../server-outcome.js';
import { CheckoutSessionError } from '../service-error.js';
import { shopperMessage } from '../shopper-messages.js';
import { msUntilExpiry } from '../token-expiry.js';
import { payThroughEmulator, recordedEvents } from './demo-payments.js';
import { DemoTokenError, refusingDemoTokens } from './demo-token.js';
import { PaymentOutcomeView } from './payment-outcome-view.js';
import { element, PageView, required } from './page-view.js';
import { chosenSdk, loadPaymentForm, SDK_LABELS } from './sdk-choice.js';

interface CartSummary {
  cartId: string;
  orderId: string;
  itemCount: number;
  total: string;
  lines: { lineId: string; name: string; quantity: number }[];
}

const IDLE_NOTE = 'The payment form appears once a checkout session is ready.';
const CHANGE_MESSAGES: Record<SessionChange, string> = {
  shown: 'Checkout session ready',
  refreshed: 'Basket updated; the same checkout session was refreshed',
  replaced: 'New checkout session',
};

const view = new PageView();
const outcome = new PaymentOutcomeView();
const cartList = required<HTMLUListElement>('#carts');
const basketLines = required<HTMLUListElement>('#basket-lines');
const simulatedPayment = required<HTMLElement>('#simulated-payment');
const simulatedPay = required<HTMLButtonElement>('#simulated-pay');
const sdk = chosenSdk(window.location.search);
// The SDKs' success callbacks ask the service about the payment, for the basket being paid for.
const confirm: ConfirmPayment = (paymentId) => (chosen ? confirmPayment(chosen.cartId, paymentId) : Promise.reject(new Error('no basket chosen')));
const form: Promise<PaymentForm> = loadPaymentForm(sdk, view.checkoutForm, showPaymentResult, confirm).then(refusingDemoTokens);
let editable = false;
// What this process runs itself: the emulator (so the page can pay through it) and the demo order service's records.
let canSimulatePayments = false;
let canShowEvents = false;
let keeper: CheckoutSessionKeeper | null = null;
let chosen: CartSummary | null = null;
// The last token the service gave for the chosen basket, whether or not a form could take it.
let lastToken: string | null = null;

markChosenSdk();
view.retryButton.addEventListener('click', () => void retry());
simulatedPay.addEventListener('click', () => void simulatePayment());
document.addEventListener('visibilitychange', () => void (document.visibilityState === 'visible' && keeper?.renewIfNearExpiry()));
void loadCarts();

function markChosenSdk(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#sdk-choice a')) {
    if (link.dataset.sdk === sdk) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  required<HTMLElement>('#sdk-name').textContent = SDK_LABELS[sdk];
}

async function loadCarts(): Promise<void> {
  try {
    const response = await fetch('/demo/carts', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`status ${response.status}`);
    const listing = (await response.json()) as { editable: boolean; simulatedPayments: boolean; paymentEvents: boolean; carts: CartSummary[] };
    editable = listing.editable;
    canSimulatePayments = listing.simulatedPayments;
    canShowEvents = listing.paymentEvents;
    cartList.replaceChildren(...listing.carts.map(cartButton));
  } catch {
    cartList.replaceChildren(element('li', 'muted', 'The demo baskets could not be loaded. Reload the page to try again.'));
  }
}

function cartButton(cart: CartSummary): HTMLLIElement {
  const button = element('button', 'cart');
  button.type = 'button';
  button.dataset.cartId = cart.cartId;
  const items = cart.itemCount === 1 ? '1 item' : `${cart.itemCount} items`;
  button.append(element('span', 'cart-id', cart.cartId), element('span', 'cart-items', items), element('span', 'cart-total', cart.total));
  button.addEventListener('click', () => void chooseCart(cart));
  const item = element('li');
  item.append(button);
  return item;
}

async function chooseCart(cart: CartSummary): Promise<void> {
  // A second click on the chosen basket is a double click, not a new checkout.
  if (chosen?.cartId === cart.cartId) return;
  chosen = cart;
  for (const button of cartList.querySelectorAll<HTMLButtonElement>('button')) button.setAttribute('aria-pressed', String(button.dataset.cartId === cart.cartId));
  showBasket(cart);
  keeper?.stop();
  lastToken = null;
  simulatedPayment.hidden = true;
  outcome.clear();
  view.hideRetry();
  view.showStatus('loading', [element('p', null, `Asking the service for a checkout session for ${cart.cartId}…`)]);
  view.showCheckout('loading', `Loading ${SDK_LABELS[sdk]}…`);
  const current = new CheckoutSessionKeeper(cart.cartId, await form, { onSession: showSession, onError: showFailure });
  keeper = current;
  await current.start();
}

function showBasket(cart: CartSummary): void {
  required<HTMLElement>('#basket').hidden = false;
  required<HTMLElement>('#basket-total').textContent = cart.total;
  basketLines.replaceChildren(...cart.lines.map((line) => basketLine(cart.cartId, line)));
}

function basketLine(cartId: string, line: CartSummary['lines'][number]): HTMLLIElement {
  const item = element('li', 'line');
  item.dataset.lineId = line.lineId;
  item.append(element('span', 'line-name', line.name));
  const quantity = element('span', 'line-quantity', String(line.quantity));
  if (!editable) {
    item.append(quantity);
    return item;
  }
  const stepper = (label: string, delta: number) => {
    const button = element('button', 'step', label);
    button.type = 'button';
    button.dataset.step = delta > 0 ? 'more' : 'fewer';
    button.setAttribute('aria-label', `${delta > 0 ? 'One more' : 'One fewer'}: ${line.name}`);
    button.disabled = line.quantity + delta < 1;
    button.addEventListener('click', () => void changeQuantity(cartId, line.lineId, line.quantity + delta));
    return button;
  };
  item.append(stepper('−', -1), quantity, stepper('+', 1));
  return item;
}

// The shop changes the cart, then the page asks the service again: same token, session updated, SDK refreshed in place.
async function changeQuantity(cartId: string, lineId: string, quantity: number): Promise<void> {
  const response = await fetch(`/demo/carts/${encodeURIComponent(cartId)}/lines/${encodeURIComponent(lineId)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ quantity }),
  });
  if (!response.ok || chosen?.cartId !== cartId) return;
  chosen = (await response.json()) as CartSummary;
  showBasket(chosen);
  // The basket list shows the new count and total too.
  const listed = cartList.querySelector<HTMLButtonElement>(`button[data-cart-id="${CSS.escape(cartId)}"]`);
  listed?.closest('li')?.replaceWith(cartButton(chosen));
  cartList.querySelector(`button[data-cart-id="${CSS.escape(cartId)}"]`)?.setAttribute('aria-pressed', 'true');
  view.showStatus('loading', [element('p', null, `Basket changed; updating the checkout session for ${cartId}…`)]);
  await keeper?.cartChanged();
}

async function retry(): Promise<void> {
  view.hideRetry();
  view.showStatus('loading', [element('p', null, 'Trying again…')]);
  await keeper?.retry();
}

function showSession(session: CheckoutSession, change: SessionChange): void {
  lastToken = session.clientToken;
  simulatedPayment.hidden = !canSimulatePayments;
  view.hideRetry();
  view.showStatus('ready', sessionLines(session, change));
  view.statusBox.dataset.change = change;
  view.showCheckout('shown', '');
}

function sessionLines(session: CheckoutSession, change: SessionChange): Node[] {
  const expiry = element('time', null, session.expiresAt.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  expiry.id = 'token-expiry';
  expiry.dateTime = session.expiresAt.toISOString();
  const headline = element('p', null, `${CHANGE_MESSAGES[change]} for ${chosen?.cartId ?? ''}. The token expires `);
  headline.append(expiry, ` (${untilExpiry(session)}).`);
  const meta = element('p', 'muted', `${SDK_LABELS[sdk]} · token …${session.clientToken.slice(-8)} · request ${session.requestId ?? 'n/a'}`);
  return [headline, meta];
}

function showFailure(error: unknown, session: CheckoutSession | null): void {
  if (error instanceof CheckoutSessionError) return showServiceError(error);
  if (session) {
    const change: SessionChange = lastToken === null ? 'shown' : lastToken === session.clientToken ? 'refreshed' : 'replaced';
    lastToken = session.clientToken;
    simulatedPayment.hidden = !canSimulatePayments;
    view.hideRetry();
    view.showStatus('ready', sessionLines(session, change));
    view.statusBox.dataset.change = change;
  }
  if (error instanceof DemoTokenError) {
    view.showCheckout('demo', `Demo token: checkout cannot load. This session comes from the Primer emulator, not Primer, so ${SDK_LABELS[sdk]} has nothing to start with. With a real PRIMER_API_KEY the payment form appears in this box.`);
  } else {
    view.showCheckout('failed', `${SDK_LABELS[sdk]} could not load. Check your connection and try again.`);
  }
}

function showServiceError(error: CheckoutSessionError): void {
  const details = element('details');
  const fields = [`HTTP ${error.status || 'none'}`, error.code, error.detail, error.requestId && `request ${error.requestId}`];
  details.append(element('summary', null, 'Details for support'), element('p', null, fields.filter(Boolean).join(' · ')));
  view.showStatus(error.retryable ? 'retryable-error' : 'error', [element('p', 'message', shopperMessage(error)), details], error.code);
  if (error.retryable) view.offerRetry(error.retryAfterSeconds ?? 0);
  else view.hideRetry();
  view.showCheckout('idle', IDLE_NOTE);
}

// What the shopper is told comes from the service (POST /checkout/payment), never from the SDK's success alone.
function showPaymentResult(result: PaymentResult): void {
  if (result.outcome === 'failure') {
    // The form stays, so the shopper can try another card; the diagnostics id is what Primer's support asks for.
    view.showCheckout('payment-failed', `The payment did not go through: ${result.message} Please check the details or try another payment method. (Reference ${result.diagnosticsId ?? result.code})`);
    return;
  }
  view.showCheckout('submitted', 'Payment submitted. What the service confirmed is below.');
  outcome.show(result);
  if (result.outcome === 'confirmed' && chosen) void showRecordedEvents(chosen.orderId, result.confirmation.paymentId);
}

async function showRecordedEvents(orderId: string, paymentId: string): Promise<void> {
  if (!canShowEvents) return outcome.showEventsUnavailable('The order service at ORDER_SERVICE_URL keeps these events; this page cannot read them.');
  try {
    outcome.showEvents(await recordedEvents(orderId, paymentId));
  } catch {
    outcome.showEventsUnavailable('The recorded events could not be loaded.');
  }
}

// Demo mode: the emulator pays for the session with the chosen status; the page then goes the SDK's way.
async function simulatePayment(): Promise<void> {
  if (!lastToken) return;
  simulatedPay.disabled = true;
  try {
    const payment = await payThroughEmulator(lastToken, required<HTMLSelectElement>('#simulated-status').value);
    await reportServerOutcome(payment, confirm, showPaymentResult);
  } catch (error) {
    view.showCheckout('payment-failed', `The emulator could not make the payment: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    simulatedPay.disabled = false;
  }
}

function untilExpiry(session: CheckoutSession): string {
  const minutes = Math.round(msUntilExpiry(session, Date.now()) / 60000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  return Math.abs(minutes) >= 120 ? format.format(Math.round(minutes / 60), 'hour') : format.format(minutes, 'minute');
}
