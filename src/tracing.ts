import 'dotenv/config';
import { startTracing } from './service/tracing/start-tracing';

// Imported first by main.ts, so the tracer provider is global before any module of the app is loaded.
export const tracing = startTracing(process.env);
