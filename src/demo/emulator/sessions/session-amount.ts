import type { OrderDetails } from '../../../service/primer/schema/order';

// What Primer charges when no top-level `amount` is sent: lines, then shipping, then fees.
// Line total = amount × quantity − discountAmount + taxAmount: https://primer.io/docs/api#tag/Client-Session-API
export function amountFromOrder(order: OrderDetails | undefined): number | undefined {
  if (!order?.lineItems && !order?.shipping?.amount && !order?.fees) return undefined;
  const lines = (order.lineItems ?? []).reduce(
    (sum, item) => sum + item.amount * (item.quantity ?? 1) - (item.discountAmount ?? 0) + (item.taxAmount ?? 0),
    0,
  );
  const fees = (order.fees ?? []).reduce((sum, fee) => sum + fee.amount, 0);
  return lines + (order.shipping?.amount ?? 0) + fees;
}
