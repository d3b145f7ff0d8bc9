import axios, { type AxiosInstance, type Method, type RawAxiosRequestHeaders } from 'axios';
import { egressDispatcher } from './egress-dispatcher';
import { ACCEPT_ENCODING } from './read-body';
import { undiciAdapter } from './undici-adapter';

export const MAX_UPSTREAM_BODY_BYTES = 1024 * 1024;

export type AttemptResult =
  | { kind: 'response'; status: number; headers: Readonly<Record<string, unknown>>; body: string }
  | { kind: 'connection-error'; detail: string }
  | { kind: 'timeout' }
  // Over 1 MiB, or compressed data that does not inflate: junk the same server will send again.
  | { kind: 'unreadable-body'; detail: string };

// The methods the adapters send; axios's own type stays inside upstream/.
export type HttpMethod = Extract<Method, 'GET' | 'POST' | 'PATCH'>;

export interface AttemptRequest {
  method: HttpMethod;
  path: string;
  headers: RawAxiosRequestHeaders;
  body?: unknown;
  timeoutMs: number;
}

// axios merges these per-method header buckets into every request; the upstreams' headers are all set per instance.
const AXIOS_HEADER_BUCKETS = ['common', 'delete', 'get', 'head', 'options', 'post', 'put', 'patch', 'purge', 'link', 'unlink', 'query'];
// Defaults only axios's own adapters, body encoders and status checks read (every attempt passes its timeout and a body
// already encoded; the undici adapter settles nothing): mergeConfig, the transitional options' validation and the
// transforms' header passes would still work through each of them on every request.
const UNUSED_AXIOS_DEFAULTS = ['transitional', 'transformRequest', 'transformResponse', 'validateStatus', 'xsrfCookieName', 'xsrfHeaderName', 'maxBodyLength', 'env', 'timeout'];

// One axios instance per upstream, made once: its fixed headers built here, each attempt on undici's keep-alive pool
// (or through the egress proxy) with at most `maxConnections` open; the adapter follows no redirect and keeps bodies as
// text, so junk is an outcome.
export function createUpstreamHttpClient(baseURL: string, fixedHeaders: RawAxiosRequestHeaders, maxConnections: number): AxiosInstance {
  const client = axios.create({
    adapter: undiciAdapter(baseURL, egressDispatcher(new URL(baseURL).origin, maxConnections)),
    headers: { 'Accept-Encoding': ACCEPT_ENCODING, 'User-Agent': `axios/${axios.VERSION}`, ...fixedHeaders },
    maxContentLength: MAX_UPSTREAM_BODY_BYTES,
  });
  const headers = client.defaults.headers as Record<string, unknown>;
  for (const bucket of AXIOS_HEADER_BUCKETS) delete headers[bucket];
  const defaults = client.defaults as Record<string, unknown>;
  for (const key of UNUSED_AXIOS_DEFAULTS) delete defaults[key];
  return client;
}

// Sends once, a body as JSON; `timeout` bounds the whole exchange (a trickling body too) with one timer in the adapter.
export async function sendAttempt(client: AxiosInstance, request: AttemptRequest): Promise<AttemptResult> {
  const { body } = request;
  try {
    const response = await client.request<string>({
      method: request.method,
      url: request.path,
      headers: request.headers,
      data: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
      timeout: Math.max(1, request.timeoutMs),
    });
    return { kind: 'response', status: response.status, headers: response.headers, body: response.data };
  } catch (error) {
    return classifyFailure(error);
  }
}

// The budget ran out (our timer or a cancel), or the connection could not even be opened in time.
const TIMEOUT_CODES = new Set(['ERR_CANCELED', 'ECONNABORTED', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function classifyFailure(error: unknown): AttemptResult {
  if (!axios.isAxiosError(error)) return { kind: 'connection-error', detail: String(error) };
  if (TIMEOUT_CODES.has(error.code ?? '')) return { kind: 'timeout' };
  if (error.code === 'ERR_BODY_TOO_LARGE') return { kind: 'unreadable-body', detail: 'answer over 1 MiB' };
  if (error.code === 'ERR_BODY_DOES_NOT_INFLATE') return { kind: 'unreadable-body', detail: 'compressed answer that does not inflate' };
  return { kind: 'connection-error', detail: error.code ?? error.message };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
