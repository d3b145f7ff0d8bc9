import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config';
import { SERVICE_INFO } from '../service-info';
import { traceInFlight } from './tracing/traces-in-flight';

export type { Logger } from 'pino';

// Secrets and shopper credentials wherever they might sit in a logged object (docs/security.md).
const REDACTED_PATHS = [
  'apiKey',
  '*.apiKey',
  'clientToken',
  '*.clientToken',
  '*.*.clientToken',
  'authorization',
  'cookie',
  '*.authorization',
  '*.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-api-key"]',
  '*.headers["X-Api-Key"]',
  '*.headers["set-cookie"]',
];

const NO_FIELDS = Object.freeze({});

// Every line written for a request names its trace (docs/operations.md, Logs): a line that names a request in flight
// by its requestId gets that request's traceId, unless it carries one already (the request line, req.log).
function traceFields(line: object): object {
  const { requestId, traceId } = line as { requestId?: unknown; traceId?: unknown };
  if (typeof requestId !== 'string' || traceId !== undefined) return NO_FIELDS;
  return traceInFlight(requestId) ?? NO_FIELDS;
}

// pino's default merge assigns into the mixin's object, which here is shared: the line's own fields go on a copy.
function withTraceFields(line: object, fields: object): object {
  return fields === NO_FIELDS ? line : { ...fields, ...line };
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: SERVICE_INFO.name, version: SERVICE_INFO.version },
      mixin: traceFields,
      mixinMergeStrategy: withTraceFields,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
