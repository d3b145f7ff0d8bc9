import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  body: unknown;
  receivedAt: string;
}

const SECRET_HEADERS = new Set(['x-api-key', 'authorization', 'cookie']);

function redact(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name) ? '[redacted]' : value]),
  );
}

// The latest requests the emulator served, for tests to look at; secrets never kept.
export class RequestLog {
  private entries: RecordedRequest[] = [];

  constructor(private readonly limit = 1000) {}

  record(request: Omit<RecordedRequest, 'headers'> & { headers: IncomingHttpHeaders }): void {
    this.entries.push({ ...request, headers: redact(request.headers) });
    if (this.entries.length > this.limit) this.entries.shift();
  }

  list(): RecordedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
