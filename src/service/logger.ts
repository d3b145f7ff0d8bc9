import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';
import { SERVICE_INFO } from './service-info';

export type { Logger } from 'pino';

// Secrets and shopper credentials wherever they might sit in a logged object (contract section 5).
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

// Every line written while a request is in progress names its trace (contract sections 5 and 7), whichever logger wrote it.
function traceFields(): Record<string, string> {
  const span = trace.getActiveSpan()?.spanContext();
  return span !== undefined && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: SERVICE_INFO.name, version: SERVICE_INFO.version },
      mixin: traceFields,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
