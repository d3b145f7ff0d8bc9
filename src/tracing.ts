import 'dotenv/config';
import { startTracing } from './service/observability/tracing/start-tracing';

// Imported first by main.ts, which awaits it before building the app: the tracer provider is global by then.
export const tracingStarted = startTracing(process.env);
