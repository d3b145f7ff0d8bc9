// The label values of the service's metrics (docs/operations.md, "Metrics"), written here rather than imported so
// that metrics depend on no domain; where compose-app.ts hands a counter to a domain, the compiler checks the two agree.
export type UpstreamLabel = 'primer' | 'orders';
export type UpstreamOutcomeLabel = 'ok' | 'client_error' | 'server_error' | 'rate_limited' | 'unexpected_status' | 'timeout' | 'connection_error' | 'invalid_body';
export type BreakerStateLabel = 'closed' | 'open' | 'half-open';
export type SessionOutcomeLabel = 'created' | 'reused' | 'updated';
export type RedisOperationLabel = 'connection' | 'session_read' | 'session_write' | 'session_delete' | 'claim' | 'claim_check' | 'claim_release' | 'rate_limit' | 'payment_read' | 'payment_write';
export type RedisOutcomeLabel = 'failed' | 'skipped';
export type WebhookDeliveryLabel =
  | 'ignored'
  | 'delivered'
  | 'duplicate'
  | 'superseded'
  | 'signature_invalid'
  | 'signature_stale'
  | 'invalid_body'
  | 'order_service_unavailable'
  | 'order_service_rejected';
export type PaymentConfirmationLabel = 'paid' | 'pending' | 'failed' | 'payment_not_found';
export type PaymentSourceLabel = 'webhook' | 'confirmation';
export type PaymentNotificationLabel = 'delivered' | 'unavailable' | 'timeout' | 'rejected';
