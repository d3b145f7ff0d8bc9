import { readWebhookEvent } from '../../../src/service/payments/read-webhook-event';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('readWebhookEvent', () => {
  it('when the body is a PAYMENT.STATUS, then its signedAt and payment are read', () => {
    expect(readWebhookEvent(bytes('{"eventType":"PAYMENT.STATUS","signedAt":"1764600000","payment":{"id":"p1"}}'))).toEqual({
      type: 'payment-status',
      signedAt: '1764600000',
      payment: { id: 'p1' },
    });
  });

  it('when the body is another event type or Primer\'s dashboard test, then it is another event, with its signedAt if any', () => {
    expect(readWebhookEvent(bytes('{"eventType":"DISPUTE.OPENED","signedAt":1764600000}'))).toEqual({ type: 'other', signedAt: 1764600000 });
    expect(readWebhookEvent(bytes('{"message": "Testing your webhook connection"}'))).toEqual({ type: 'other', signedAt: undefined });
  });

  it.each([['not json'], ['{"eventType":'], [''], ['[1,2]'], ['null'], ['"PAYMENT.STATUS"'], ['42']])('when the body is %p, then it is not an event', (text) => {
    expect(readWebhookEvent(bytes(text))).toBeUndefined();
  });

  it('when the body is not UTF-8, then it is not an event', () => {
    expect(readWebhookEvent(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).toBeUndefined();
  });
});
