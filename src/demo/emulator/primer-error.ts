import { randomInt } from 'node:crypto';
import type { PrimerFieldError } from './schema/validators';

// Primer's error envelope: https://primer.io/docs/api#section/API-Usage-Guide/Errors
export interface PrimerErrorBody {
  error: {
    errorId: string;
    description: string;
    diagnosticsId: string;
    recoverySuggestion?: string;
    validationErrors?: { model: string; errors: PrimerFieldError[] }[];
  };
}

export function primerError(
  errorId: string,
  description: string,
  extras: Omit<PrimerErrorBody['error'], 'errorId' | 'description' | 'diagnosticsId'> = {},
): PrimerErrorBody {
  return { error: { errorId, description, diagnosticsId: String(randomInt(1_000_000_000, 9_999_999_999)), ...extras } };
}

export function requestValidationError(model: string, errors: PrimerFieldError[]): PrimerErrorBody {
  return primerError(
    'RequestValidationError',
    'We were unable to validate your request, please check your payload against https://primer.io/docs/api',
    { validationErrors: [{ model, errors }] },
  );
}

export function invalidClientTokenError(): PrimerErrorBody {
  return primerError('ClientSessionValidationError', 'The client token is invalid.', {
    recoverySuggestion: 'Please provide a valid client token.',
  });
}
