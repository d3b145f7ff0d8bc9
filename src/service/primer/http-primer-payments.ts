import { openStep } from '../upstream/call-step';
import { jsonObjectOf } from '../upstream/json-object-answer';
import type { FinalAnswer } from '../upstream/upstream-client';
import type { RequestContext } from '../upstream/request-context';
import type { PrimerApi } from './primer-api';
import { primerErrorOf } from './primer-error-body';
import type { PrimerPayments } from './primer-payments';

// Primer's two published wordings of "no such payment" on a 400 (its OpenAPI description of API 2.4). Matched whole,
// so a 400 about anything else (a malformed id, a missing scope) stays an upstream error.
const PAYMENT_NOT_FOUND = /^(?:the payment could not be found|no matching payment could be found)\.?$/i;

// GET /payments/{id}: https://primer.io/docs/api-reference/v2.4/api-reference/payments-api/get-a-payment
export class HttpPrimerPayments implements PrimerPayments {
  constructor(private readonly primer: PrimerApi) {}

  get(paymentId: string, context: RequestContext): Promise<Readonly<Record<string, unknown>> | undefined> {
    const request = { method: 'GET', path: `/payments/${encodeURIComponent(paymentId)}`, urlTemplate: '/payments/{paymentId}', policy: this.primer.policy } as const;
    return this.primer.client.call(request, openStep(context, this.primer.timeoutMs), paymentOf);
  }
}

function paymentOf(answer: FinalAnswer): Readonly<Record<string, unknown>> | undefined {
  if (isUnknownPayment(answer)) return undefined;
  // 401/403 (a key without transactions:retrieve) and any other failure are thrown here as typed upstream errors.
  return jsonObjectOf(answer, 'primer').object;
}

function isUnknownPayment({ result }: FinalAnswer): boolean {
  if (result.kind !== 'response') return false;
  if (result.status === 404) return true;
  const description = result.status === 400 ? primerErrorOf(result.body)?.description : undefined;
  return typeof description === 'string' && PAYMENT_NOT_FOUND.test(description.trim());
}
