import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance, type Method, type RawAxiosRequestHeaders } from 'axios';

export const MAX_UPSTREAM_BODY_BYTES = 1024 * 1024;

export type AttemptResult =
  | { kind: 'response'; status: number; headers: Readonly<Record<string, unknown>>; body: string }
  | { kind: 'connection-error'; detail: string }
  | { kind: 'timeout' }
  // Over 1 MiB, or compressed data that does not inflate: junk the same server will send again.
  | { kind: 'unreadable-body'; detail: string };

export interface AttemptRequest {
  method: Method;
  path: string;
  headers: RawAxiosRequestHeaders;
  body?: unknown;
  timeoutMs: number;
}

// One axios instance per upstream, made once: keep-alive sockets, no redirects, bodies kept as text so junk is an outcome.
export function createUpstreamHttpClient(baseURL: string): AxiosInstance {
  return axios.create({
    baseURL,
    httpAgent: new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
    httpsAgent: new https.Agent({ keepAlive: true, scheduling: 'lifo' }),
    maxRedirects: 0,
    maxContentLength: MAX_UPSTREAM_BODY_BYTES,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
  });
}

// Sends once; the abort signal bounds the whole exchange (a trickling body too), unlike axios' socket-idle `timeout`.
export async function sendAttempt(client: AxiosInstance, request: AttemptRequest): Promise<AttemptResult> {
  try {
    const response = await client.request<string>({
      method: request.method,
      url: request.path,
      headers: request.headers,
      data: request.body,
      signal: AbortSignal.timeout(Math.max(1, request.timeoutMs)),
    });
    return { kind: 'response', status: response.status, headers: response.headers, body: typeof response.data === 'string' ? response.data : '' };
  } catch (error) {
    return classifyFailure(error);
  }
}

function classifyFailure(error: unknown): AttemptResult {
  if (!axios.isAxiosError(error)) return { kind: 'connection-error', detail: String(error) };
  if (error.code === 'ERR_CANCELED' || error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return { kind: 'timeout' };
  if (error.message.includes('maxContentLength')) return { kind: 'unreadable-body', detail: 'answer over 1 MiB' };
  if (error.code === 'Z_DATA_ERROR') return { kind: 'unreadable-body', detail: 'compressed answer that does not inflate' };
  return { kind: 'connection-error', detail: error.code ?? error.message };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
