import { ROOT_CONTEXT } from '@opentelemetry/api';
import { Value } from '@sinclair/typebox/value';
import { CartSchema } from '../../../src/service/orders/cart';
import { DEMO_CARTS } from '../../../src/demo/orders/demo-carts';
import { CartNotFoundError } from '../../../src/service/orders/errors/cart-not-found-error';
import { InMemoryOrderService } from '../../../src/demo/orders/in-memory-order-service';

const context = { requestId: 'req-1', trace: ROOT_CONTEXT };
const noCredentials = { context, credentials: {} };

describe('InMemoryOrderService', () => {
  it('when a demo cart is asked for, then it is returned whatever the credentials', async () => {
    const service = new InMemoryOrderService(DEMO_CARTS);

    const cart = await service.loadCart({ cartId: 'demo-gbp', context, credentials: { authorization: 'Bearer x', cookie: 'sid=1' } });

    expect(cart).toEqual(DEMO_CARTS.find((demo) => demo.id === 'demo-gbp'));
  });

  it('when the cart id is unknown, then it throws CartNotFoundError', async () => {
    const service = new InMemoryOrderService(DEMO_CARTS);

    await expect(service.loadCart({ cartId: 'demo-nope', ...noCredentials })).rejects.toBeInstanceOf(CartNotFoundError);
  });

  it('when a caller changes the cart it loaded, then the next load still sees the original', async () => {
    const service = new InMemoryOrderService(DEMO_CARTS);
    const first = await service.loadCart({ cartId: 'demo-gbp', ...noCredentials });
    first.items[0]!.unitAmount = 1;
    first.customer!.billingAddress!.city = 'Paris';

    const second = await service.loadCart({ cartId: 'demo-gbp', ...noCredentials });

    expect(second.items[0]!.unitAmount).toBe(1200);
    expect(second.customer!.billingAddress!.city).toBe('London');
  });

  it('when the list given to the constructor changes later, then the service keeps its own copy', async () => {
    const carts = [structuredClone(DEMO_CARTS[0]!)];
    const service = new InMemoryOrderService(carts);
    carts[0]!.currencyCode = 'USD';

    await expect(service.loadCart({ cartId: carts[0]!.id, ...noCredentials })).resolves.toMatchObject({ currencyCode: 'GBP' });
  });

  it('lists every cart as a copy that callers cannot use to change the service', () => {
    const service = new InMemoryOrderService(DEMO_CARTS);

    const listed = service.list();
    listed[0]!.items.length = 0;

    expect(service.list().map((cart) => cart.id)).toEqual(DEMO_CARTS.map((cart) => cart.id));
    expect(service.list()[0]!.items.length).toBeGreaterThan(0);
  });

  it('when a quantity changes, then the cart has a new version and a stated total that still adds up', async () => {
    const service = new InMemoryOrderService(DEMO_CARTS);
    const before = await service.loadCart({ ...noCredentials, cartId: 'demo-gbp' });
    const after = service.setQuantity('demo-gbp', 'line-2', 3);
    expect(after.items.find((item) => item.id === 'line-2')?.quantity).toBe(3);
    expect(after.version).not.toBe(before.version);
    // Two more teapots at 35.00 each; tax is part of the unit amount.
    expect(after.totalAmount).toBe((before.totalAmount ?? 0) + 2 * 3500);
    await expect(service.loadCart({ ...noCredentials, cartId: 'demo-gbp' })).resolves.toEqual(after);
    expect(service.setQuantity('demo-jpy', 'matcha', 1).version).toBe('v2+1');
  });

  it('when a cart whose total is wrong on purpose changes, then its total stays wrong', () => {
    const service = new InMemoryOrderService(DEMO_CARTS);
    expect(service.setQuantity('demo-mismatch', 'mug', 2).totalAmount).toBe(999);
  });

  it('when the cart or the line is unknown, then setQuantity throws CartNotFoundError', () => {
    const service = new InMemoryOrderService(DEMO_CARTS);
    expect(() => service.setQuantity('nope', 'line-1', 1)).toThrow(CartNotFoundError);
    expect(() => service.setQuantity('demo-gbp', 'nope', 1)).toThrow(CartNotFoundError);
  });

  it('refuses two carts with the same id', () => {
    expect(() => new InMemoryOrderService([DEMO_CARTS[0]!, DEMO_CARTS[0]!])).toThrow(/duplicate/);
  });
});

describe('DEMO_CARTS', () => {
  it('includes the carts the contract names', () => {
    expect(DEMO_CARTS.map((cart) => cart.id)).toEqual(
      expect.arrayContaining(['demo-gbp', 'demo-jpy', 'demo-kwd', 'demo-unicode', 'demo-empty', 'demo-mismatch']),
    );
  });

  it.each(DEMO_CARTS.map((cart) => [cart.id, cart] as const))('%s fits the order service cart schema', (_id, cart) => {
    expect([...Value.Errors(CartSchema, cart)]).toEqual([]);
  });
});

describe('InMemoryOrderService as the payment event sink', () => {
  const event = {
    paymentId: 'kHdEw9EG',
    orderId: 'order-demo-gbp-1001',
    cartId: 'demo-gbp',
    status: 'AUTHORIZED',
    amount: 8905,
    currencyCode: 'GBP',
    dateUpdated: '2026-11-26T14:53:51.578Z',
    source: 'webhook' as const,
  };
  const context = { requestId: 'req-1', trace: ROOT_CONTEXT };

  it('when an event is recorded, then it is listed for its order with exactly the contract’s keys', async () => {
    const service = new InMemoryOrderService(DEMO_CARTS);

    await service.record({ ...event, extra: 'not kept' } as typeof event, context);

    expect(service.paymentEvents('order-demo-gbp-1001')).toEqual([{ ...event, receivedAt: expect.any(String) }]);
    expect(service.paymentEvents('order-other')).toEqual([]);
  });

  it('when the same payment state comes from the webhook and the confirmation, then it is recorded once', async () => {
    const service = new InMemoryOrderService(DEMO_CARTS);

    await service.record(event, context);
    await service.record({ ...event, source: 'confirmation' }, context);

    expect(service.paymentEvents(event.orderId)).toHaveLength(1);
    expect(service.paymentEvents(event.orderId)[0]?.source).toBe('webhook');
  });

  it('when the same status comes with another dateUpdated, then it is another state and recorded too', async () => {
    const service = new InMemoryOrderService(DEMO_CARTS);

    await service.record(event, context);
    await service.record({ ...event, dateUpdated: '2026-11-26T14:53:52.000Z' }, context);

    expect(service.paymentEvents(event.orderId)).toHaveLength(2);
  });

  it('when a caller changes a listed event, then the record stays as it was', async () => {
    const service = new InMemoryOrderService(DEMO_CARTS);
    await service.record(event, context);

    (service.paymentEvents(event.orderId)[0] as { status: string }).status = 'SETTLED';

    expect(service.paymentEvents(event.orderId)[0]?.status).toBe('AUTHORIZED');
  });
});
