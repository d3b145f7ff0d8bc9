// The demo page around the typed client (src/browser, served compiled): cart list, status, retry, token refresh and Universal Checkout.
import { openCheckoutSession } from '/demo/app/checkout-session-client.js';
import { shopperMessage } from '/demo/app/shopper-messages.js';
import { whenNearExpiry } from '/demo/app/token-expiry.js';

// Past this, a checkout that has not shown is reported instead of leaving a spinner.
const CHECKOUT_LOAD_TIMEOUT_MS = 15000;

const cartList = document.querySelector('#carts');
const statusBox = document.querySelector('#status');
const retryButton = document.querySelector('#retry');
const checkoutBox = document.querySelector('#checkout');

let chosenCartId = null;
let pendingCartId = null;
let cancelRefresh = () => {};
let retryCountdown = null;
let checkout = null;

retryButton.addEventListener('click', () => requestSession());
loadCarts();

async function loadCarts() {
  try {
    const response = await fetch('/demo/carts', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`status ${response.status}`);
    cartList.replaceChildren(...(await response.json()).map(cartButton));
  } catch {
    cartList.replaceChildren(element('li', 'muted', 'The demo baskets could not be loaded. Reload the page to try again.'));
  }
}

function cartButton(cart) {
  const button = element('button', 'cart');
  button.type = 'button';
  button.dataset.cartId = cart.cartId;
  const items = cart.itemCount === 1 ? '1 item' : `${cart.itemCount} items`;
  button.append(element('span', 'cart-id', cart.cartId), element('span', 'cart-items', items), element('span', 'cart-total', cart.total));
  button.addEventListener('click', () => chooseCart(cart.cartId));
  const item = element('li');
  item.append(button);
  return item;
}

function chooseCart(cartId) {
  chosenCartId = cartId;
  for (const button of cartList.querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.cartId === cartId));
  requestSession();
}

async function requestSession({ refreshing = false } = {}) {
  const cartId = chosenCartId;
  if (cartId === pendingCartId) return;
  pendingCartId = cartId;
  cancelRefresh();
  stopRetryCountdown();
  retryButton.hidden = true;
  if (!refreshing) showStatus('loading', [element('p', null, `Asking the service for a checkout session for ${cartId}…`)]);
  try {
    const session = await openCheckoutSession(cartId);
    if (cartId !== chosenCartId) return;
    showSession(cartId, session, refreshing);
    cancelRefresh = whenNearExpiry(session, () => requestSession({ refreshing: true }));
    startCheckout(session);
  } catch (error) {
    if (cartId === chosenCartId) showError(error);
  } finally {
    if (pendingCartId === cartId) pendingCartId = null;
  }
}

function showSession(cartId, session, refreshed) {
  const expiry = element('time', null, session.expiresAt.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  expiry.id = 'token-expiry';
  expiry.dateTime = session.expiresAt.toISOString();
  const headline = element('p', null, `${refreshed ? 'New checkout session' : 'Checkout session ready'} for ${cartId}. The token expires `);
  headline.append(expiry, ` (${untilExpiry(session)}).`);
  const meta = element('p', 'muted', `Token …${session.clientToken.slice(-8)} · request ${session.requestId ?? 'n/a'}`);
  showStatus('ready', [headline, meta]);
}

function showError(error) {
  const details = element('details');
  const fields = [`HTTP ${error.status || 'none'}`, error.code, error.detail, error.requestId && `request ${error.requestId}`];
  details.append(element('summary', null, 'Details for support'), element('p', null, fields.filter(Boolean).join(' · ')));
  showStatus(error.retryable ? 'retryable-error' : 'error', [element('p', 'message', shopperMessage(error)), details]);
  statusBox.dataset.code = error.code;
  if (error.retryable) offerRetry(error.retryAfterSeconds ?? 0);
  showCheckout('idle', 'The payment form appears once a checkout session is ready.');
}

// Honours Retry-After: the button stays disabled, counting down, until the service asked us to come back.
function offerRetry(seconds) {
  retryButton.hidden = false;
  let left = seconds;
  const tick = () => {
    retryButton.disabled = left > 0;
    retryButton.textContent = left > 0 ? `Try again in ${left} s` : 'Try again';
    if (left-- <= 0) stopRetryCountdown();
  };
  tick();
  if (seconds > 0) retryCountdown = window.setInterval(tick, 1000);
}

function stopRetryCountdown() {
  window.clearInterval(retryCountdown);
  retryCountdown = null;
}

async function startCheckout(session) {
  checkout?.teardown();
  checkout = null;
  if (!isPrimerIssuedToken(session.clientToken)) {
    showCheckout('demo', "Demo token: checkout cannot load. This session comes from the Primer emulator, not Primer, so Universal Checkout has nothing to start with. With a real PRIMER_API_KEY the payment form appears in this box.");
    return;
  }
  const sdk = window.Primer?.Primer;
  if (!sdk) return showCheckout('failed', "Primer's checkout script did not load. Reload the page to try again.");
  showCheckout('loading', "Loading Primer's checkout…");
  try {
    checkout = await withTimeout(sdk.showUniversalCheckout(session.clientToken, { container: '#checkout-form' }), CHECKOUT_LOAD_TIMEOUT_MS);
    showCheckout('shown', '');
  } catch {
    showCheckout('failed', "Primer's checkout could not load. Check your connection and try again.");
  }
}

// The SDK reads the token's payload (base64url JSON) and fetches its configurationUrl: an emulator token names no Primer host.
function isPrimerIssuedToken(token) {
  try {
    const [header, payload] = token.split('.');
    const json = window.atob((payload || header).replace(/-/g, '+').replace(/_/g, '/'));
    return new window.URL(JSON.parse(json).configurationUrl).hostname.endsWith('.primer.io');
  } catch {
    return false;
  }
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => window.setTimeout(() => reject(new Error('timed out')), ms))]);
}

function untilExpiry(session) {
  const minutes = Math.round((session.receivedAt + session.expiresInMs - Date.now()) / 60000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  return Math.abs(minutes) >= 120 ? format.format(Math.round(minutes / 60), 'hour') : format.format(minutes, 'minute');
}

function showStatus(state, children) {
  statusBox.dataset.state = state;
  delete statusBox.dataset.code;
  statusBox.replaceChildren(...children);
}

function showCheckout(state, text) {
  checkoutBox.dataset.state = state;
  checkoutBox.querySelector('#checkout-note').textContent = text;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
