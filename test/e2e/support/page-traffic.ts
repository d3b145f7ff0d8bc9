import type { BrowserContext, Request } from 'playwright-core';

export interface PageTraffic {
  // Every POST /checkout/session the page sent.
  sessionRequests: Request[];
  // Anything the page tried to reach off the service's origin (aborted, so no test touches the internet).
  offOriginUrls: string[];
  // Headers and bodies of every response the page received.
  responseTexts: string[];
  // Console reports of anything the page's Content-Security-Policy blocked.
  cspViolations: string[];
  settle(): Promise<void>;
}

// Watches one browser context; sessionDelayMs holds each token request back so a double click lands while it is in flight.
export async function watchTraffic(context: BrowserContext, origin: string, sessionDelayMs = 0): Promise<PageTraffic> {
  const traffic: PageTraffic = { sessionRequests: [], offOriginUrls: [], responseTexts: [], cspViolations: [], settle: async () => {} };
  const reading: Promise<void>[] = [];
  await context.route('**/*', async (route) => {
    const request = route.request();
    if (new URL(request.url()).origin !== origin) {
      traffic.offOriginUrls.push(request.url());
      return route.abort('blockedbyclient');
    }
    if (isSessionRequest(request)) {
      traffic.sessionRequests.push(request);
      await new Promise((resolve) => setTimeout(resolve, sessionDelayMs));
    }
    return route.continue();
  });
  context.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) traffic.cspViolations.push(message.text());
  });
  context.on('response', (response) => {
    reading.push(
      response
        .text()
        .catch(() => '')
        .then((body) => void traffic.responseTexts.push(`${JSON.stringify(response.headers())}\n${body}`)),
    );
  });
  traffic.settle = async () => void (await Promise.all(reading));
  return traffic;
}

function isSessionRequest(request: Request): boolean {
  return request.method() === 'POST' && new URL(request.url()).pathname === '/checkout/session';
}
