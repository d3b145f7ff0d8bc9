import type { StepContext } from '../upstream/call-step';
import { jsonObjectOf } from '../upstream/json-object-answer';
import type { FinalAnswer, UpstreamRequest } from '../upstream/upstream-client';
import { UpstreamRejectedError } from '../upstream/upstream-rejected-error';
import { issuedTokenOf } from './issued-token';
import type { PrimerApi } from './primer-api';
import { SessionUpdateRefusedError, type IssuedToken, type PrimerSessions } from './primer-sessions';
import type { ClientSessionRequest, ClientSessionUpdate } from './schema/client-session-request';

type SessionCall = Pick<UpstreamRequest, 'method' | 'body' | 'secrets'>;

// The client-session adapter: https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api
export class HttpPrimerSessions implements PrimerSessions {
  constructor(private readonly primer: PrimerApi) {}

  create(body: ClientSessionRequest, step: StepContext): Promise<IssuedToken> {
    return this.call({ method: 'POST', body }, step, (answer) => {
      const { status, object } = jsonObjectOf(answer, 'primer');
      const token = issuedTokenOf(object, Date.now());
      // Nothing out of bounds reaches the browser or the store.
      if ('unusable' in token) throw new UpstreamRejectedError('primer', `HTTP ${status} ${answer.attempts}: ${token.unusable}`, status);
      return token;
    });
  }

  async update(body: ClientSessionUpdate, step: StepContext): Promise<void> {
    try {
      // The token the PATCH sends may come back in Primer's error text: it is redacted like the key.
      await this.call({ method: 'PATCH', body, secrets: [body.clientToken] }, step, (answer) => jsonObjectOf(answer, 'primer'));
    } catch (error) {
      // In the port's terms: Primer answered and will not apply this update, so the caller may create a session instead.
      if (error instanceof UpstreamRejectedError) throw new SessionUpdateRefusedError(error.detail, error.status, { cause: error });
      throw error;
    }
  }

  private call<T>(call: SessionCall, step: StepContext, read: (answer: FinalAnswer) => T): Promise<T> {
    const request = { ...call, path: '/client-session', urlTemplate: '/client-session', headers: { 'Content-Type': 'application/json' }, policy: this.primer.policy };
    return this.primer.client.call(request, step, read);
  }
}
