// A delivery refused before its body is used: no signature matched (`invalid`), or it was signed outside the replay window (`stale`).
export class WebhookSignatureError extends Error {
  constructor(readonly reason: 'invalid' | 'stale') {
    super(reason === 'invalid' ? 'no webhook signature matches the body' : 'webhook signedAt missing or outside the replay window');
    this.name = 'WebhookSignatureError';
  }
}
