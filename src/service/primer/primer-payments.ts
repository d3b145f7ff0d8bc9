import type { RequestContext } from '../upstream/request-context';

// The Primer payment read port (GET /payments/{id}); adapters throw only UpstreamError subclasses.
export interface PrimerPayments {
  // Primer's payment object as it answered (a JSON object), or undefined when Primer does not know the id
  // (404, or a 400 saying the payment cannot be found). Reading its fields is the payments use case's job.
  get(paymentId: string, context: RequestContext): Promise<Readonly<Record<string, unknown>> | undefined>;
}
