export type NotPayableReason =
  | 'no_items'
  | 'total_not_positive'
  | 'total_mismatch'
  | 'unknown_currency'
  | 'unknown_country'
  | 'invalid_amount'
  | 'invalid_quantity'
  | 'invalid_identifier';

// The cart cannot become a Primer session; `reason` is safe to show, `detail` names the field for logs.
export class CartNotPayableError extends Error {
  constructor(
    readonly reason: NotPayableReason,
    readonly detail: string,
  ) {
    super(`cart not payable (${reason}): ${detail}`);
    this.name = 'CartNotPayableError';
  }
}
