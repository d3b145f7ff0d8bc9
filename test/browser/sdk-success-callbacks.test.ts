import type { UniversalCheckoutOptions } from '@primer-io/checkout-web';
import type { PaymentConfirmation } from '../../src/browser/payment-confirmation-client';
import type { PaymentResult } from '../../src/browser/payment-form';
import { listenForResults } from '../../src/browser/primer-checkout-form';
import { createUniversalCheckoutForm, type UniversalCheckoutSdk } from '../../src/browser/universal-checkout-form';

const DECLINED: PaymentConfirmation = { paymentId: 'pay_1', status: 'DECLINED', outcome: 'failed', requestId: 'req-1' };

function recorder() {
  const results: PaymentResult[] = [];
  const asked: string[] = [];
  const confirm = async (paymentId: string) => (asked.push(paymentId), DECLINED);
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { results, asked, confirm, onResult: (result: PaymentResult) => void results.push(result), settled };
}

describe('the SDK integrations’ success callbacks', () => {
  it('when Primer Checkout reports a success, then the service is asked and its outcome is reported, not the SDK’s', async () => {
    const { results, asked, confirm, onResult, settled } = recorder();
    const element = new EventTarget();
    listenForResults(element, onResult, confirm);

    element.dispatchEvent(new CustomEvent('primer:payment-success', { detail: { payment: { id: 'pay_1', orderId: 'order_1' }, timestamp: 1 } }));
    await settled();

    expect(asked).toEqual(['pay_1']);
    expect(results).toEqual([
      { outcome: 'confirming', paymentId: 'pay_1' },
      { outcome: 'confirmed', confirmation: DECLINED, orderId: 'order_1' },
    ]);
  });

  it('when Primer Checkout reports a failure, then the service is not asked and the SDK’s error is reported', async () => {
    const { results, asked, confirm, onResult, settled } = recorder();
    const element = new EventTarget();
    listenForResults(element, onResult, confirm);

    const error = { code: 'PAYMENT_FAILED', message: 'Declined.', diagnosticsId: 'diag-1' };
    element.dispatchEvent(new CustomEvent('primer:payment-failure', { detail: { error, payment: { id: 'pay_2' }, timestamp: 1 } }));
    await settled();

    expect(asked).toEqual([]);
    expect(results).toEqual([{ outcome: 'failure', code: 'PAYMENT_FAILED', message: 'Declined.', diagnosticsId: 'diag-1', paymentId: 'pay_2' }]);
  });

  it('when Universal Checkout completes, then the service is asked and its outcome is reported', async () => {
    const { results, asked, confirm, onResult, settled } = recorder();
    let options: UniversalCheckoutOptions | undefined;
    const sdk = {
      showUniversalCheckout: async (_token: string, given: UniversalCheckoutOptions) => ((options = given), { teardown: () => {} }),
    } as unknown as UniversalCheckoutSdk;
    const form = createUniversalCheckoutForm(sdk, {} as HTMLElement, onResult, confirm);
    await form.show('token');

    options?.onCheckoutComplete?.({ payment: { id: 'pay_1', orderId: 'order_1' } });
    await settled();

    expect(asked).toEqual(['pay_1']);
    expect(results.at(-1)).toEqual({ outcome: 'confirmed', confirmation: DECLINED, orderId: 'order_1' });
  });
});
