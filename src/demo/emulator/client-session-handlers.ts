import type { Request, Response } from 'express';
import type { ClientSessionWithToken } from './schema/client-session-response';
import { validateClientSessionRequest, validateClientSessionUpdate } from './schema/validators';
import { invalidClientTokenError, primerError, requestValidationError } from './primer-error';
import { applySessionUpdate } from './sessions/apply-session-update';
import type { EmulatorSessions } from './sessions/emulator-sessions';
import { sessionView } from './sessions/session-view';

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Primer answers 400 `MetadataContainsEmptyKey` for `{"": …}` in metadata (API 2.4, POST and PATCH).
function hasEmptyMetadataKey(body: Fields): boolean {
  return isObject(body.metadata) && Object.hasOwn(body.metadata, '');
}

function emptyMetadataKey(res: Response): void {
  res.status(400).json(
    primerError('MetadataContainsEmptyKey', 'Metadata field contains empty string key.', {
      recoverySuggestion: 'Either remove empty string keys or provide non-empty string instead.',
    }),
  );
}

// POST, GET and PATCH /client-session over the emulator's in-memory sessions.
export function clientSessionHandlers(sessions: EmulatorSessions) {
  return {
    create: (req: Request, res: Response): void => {
      const verdict = validateClientSessionRequest(req.body);
      if (!verdict.valid) {
        res.status(422).json(requestValidationError('ClientSessionAPIRequest', verdict.errors));
        return;
      }
      const body = req.body as Fields;
      if (hasEmptyMetadataKey(body)) return emptyMetadataKey(res);
      const session = sessions.create(body);
      const answer: ClientSessionWithToken = {
        clientToken: session.clientToken,
        clientTokenExpirationDate: session.clientTokenExpirationDate,
        ...sessionView(session.fields),
        warnings: [],
      };
      res.json(answer);
    },

    read: (req: Request, res: Response): void => {
      const token = req.query.clientToken;
      const session = typeof token === 'string' ? sessions.find(token) : undefined;
      if (!session) {
        res.status(400).json(invalidClientTokenError());
        return;
      }
      res.json(sessionView(session.fields));
    },

    update: (req: Request, res: Response): void => {
      const verdict = validateClientSessionUpdate(req.body);
      if (!verdict.valid) {
        res.status(422).json(requestValidationError('ClientSessionUpdateAPIRequest', verdict.errors));
        return;
      }
      const body = req.body as Fields;
      const session = typeof body.clientToken === 'string' ? sessions.find(body.clientToken) : undefined;
      if (!session) {
        res.status(400).json(invalidClientTokenError());
        return;
      }
      if (hasEmptyMetadataKey(body)) return emptyMetadataKey(res);
      // Primer: "updating of the paymentMethod.options field through PATCH /client-session is not supported".
      if (isObject(body.paymentMethod) && 'options' in body.paymentMethod) {
        res.status(422).json(
          requestValidationError('ClientSessionUpdateAPIRequest', [
            { path: '$.paymentMethod.options', description: 'Payment method options cannot be updated' },
          ]),
        );
        return;
      }
      const updated = sessions.replace(session, applySessionUpdate(session.fields, body));
      res.json(sessionView(updated.fields));
    },
  };
}
