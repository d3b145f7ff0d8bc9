import { benchCartBody } from '../../bench/fakes/bench-cart';

interface Line {
  unitAmount: number;
  quantity: number;
  discountAmount?: number;
  taxAmount?: number;
}

describe('benchCartBody', () => {
  it('answers for any cart id with that id and an order id made from it', () => {
    const cart = JSON.parse(benchCartBody('cold-42')) as { id: string; orderId: string };
    expect(cart.id).toBe('cold-42');
    expect(cart.orderId).toBe('order-cold-42');
  });

  it('states a total that its lines, shipping and fees add up to, so the service prices it instead of answering 422', () => {
    const cart = JSON.parse(benchCartBody('any')) as { totalAmount: number; items: Line[]; shipping: { amount: number }; fees: { amount: number }[] };
    const lines = cart.items.reduce((sum, item) => sum + item.unitAmount * item.quantity - (item.discountAmount ?? 0) + (item.taxAmount ?? 0), 0);
    const fees = cart.fees.reduce((sum, fee) => sum + fee.amount, 0);
    expect(lines + cart.shipping.amount + fees).toBe(cart.totalAmount);
  });

  it('when the id holds JSON metacharacters, then the body is still valid JSON carrying the id unchanged', () => {
    const id = 'a"b\\c';
    expect((JSON.parse(benchCartBody(id)) as { id: string }).id).toBe(id);
  });
});
