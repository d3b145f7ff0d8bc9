// An authentic delivery the service cannot read: not a JSON object, or a PAYMENT.STATUS without what the order service needs.
// `detail` names fields only, never their values, so it may be shown to the sender.
export class InvalidWebhookError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'InvalidWebhookError';
  }
}
