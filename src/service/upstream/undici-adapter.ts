import { EventEmitter } from 'node:events';
import { AxiosError, AxiosHeaders, CanceledError, type AxiosAdapter, type RawAxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import type { Dispatcher } from 'undici';
import { inflaterFor, readBody } from './read-body';

// Runs each axios request of one upstream on an undici dispatcher. `timeout` bounds the whole exchange, headers and
// body (as in axios's fetch adapter), with one timer; `signal` cancels; `maxContentLength` caps the inflated body.
export function undiciAdapter(baseURL: string, dispatcher: Dispatcher): AxiosAdapter {
  const base = new URL(baseURL);
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, '');
  return async (config) => {
    const url = config.url ?? '';
    if (!url.startsWith('/') || config.params !== undefined) {
      throw new AxiosError('this adapter sends paths under its upstream base URL, without params', AxiosError.ERR_NOT_SUPPORT, config);
    }
    const method = (config.method ?? 'get').toUpperCase();
    const abort = new EventEmitter();
    let stoppedBy: AxiosError | undefined;
    // undici aborts a request still queued for a busy pool only once a connection frees; the budget must not wait that long.
    let giveUp: (reason: AxiosError) => void = () => undefined;
    const stopped = new Promise<never>((_resolve, reject) => (giveUp = reject));
    stopped.catch(() => undefined);
    const stop = (reason: AxiosError) => {
      stoppedBy ??= reason;
      abort.emit('abort');
      giveUp(stoppedBy);
    };
    const budgetMs = config.timeout ?? 0;
    const timer = budgetMs > 0 ? setTimeout(() => stop(new AxiosError(`timeout of ${budgetMs}ms exceeded`, AxiosError.ECONNABORTED, config)), budgetMs) : undefined;
    const signal = config.signal;
    const cancel = () => stop(new CanceledError(undefined, config));
    if (signal?.aborted) cancel();
    signal?.addEventListener?.('abort', cancel);
    try {
      if (stoppedBy) throw stoppedBy;
      const sent = dispatcher.request({
        origin,
        path: basePath + url,
        method,
        headers: headerList(config),
        body: (config.data as string | Buffer | undefined) ?? null,
        signal: abort,
      });
      // Given up on, it still settles later: aborted the moment a connection takes it, so it is never sent.
      sent.catch(() => undefined);
      const answer = await Promise.race([sent, stopped]);
      return await responseOf(answer, method, config);
    } catch (error) {
      throw stoppedBy ?? asAxiosError(error, config);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener?.('abort', cancel);
    }
  };
}

async function responseOf(answer: Dispatcher.ResponseData, method: string, config: InternalAxiosRequestConfig): Promise<AxiosResponse<string>> {
  const { statusCode, headers, body } = answer;
  const hasBody = method !== 'HEAD' && statusCode !== 204;
  const encoding = headers['content-encoding'];
  const inflater = hasBody ? inflaterFor(typeof encoding === 'string' ? encoding : undefined) : undefined;
  // Once inflated, the header would misdescribe the text (axios's Node adapter drops it the same way).
  if (inflater) delete headers['content-encoding'];
  const data = await readBody(body, inflater, config.maxContentLength ?? -1);
  // axios turns plain headers into AxiosHeaders twice (for transformResponse, then for the response); given one, it keeps it.
  return { data, status: statusCode, statusText: '', headers: new AxiosHeaders(headers as RawAxiosHeaders), config, request: undefined };
}

// Flat [name, value, …] as undici takes it; axios marks headers to leave out as false or null.
function headerList(config: InternalAxiosRequestConfig): string[] {
  const list: string[] = [];
  for (const [name, value] of config.headers) {
    if (value !== null && value !== undefined && value !== false) list.push(name, String(value));
  }
  return list;
}

function asAxiosError(error: unknown, config: InternalAxiosRequestConfig): AxiosError {
  if (error instanceof AxiosError) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  return AxiosError.from(error, code, config);
}
