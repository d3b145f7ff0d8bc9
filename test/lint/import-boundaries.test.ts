import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const RULE = '@typescript-eslint/no-restricted-imports';

interface Fixture {
  filePath: string;
  code: string;
}

interface Verdict {
  ruleId: string | null;
  message: string;
}

// One child process lints every fixture with the real config, so each `it` reads its own verdicts.
const FIXTURES = {
  serviceImportsDemo: { filePath: 'src/service/checkout/uses-demo.ts', code: "import { DEMO_CARTS } from '../../demo/orders/demo-carts';\nexport const carts = DEMO_CARTS;\n" },
  serviceRootImportsDemo: { filePath: 'src/service/app-extra.ts', code: "import { startDemoWorld } from '../demo/start-demo-world';\nexport const start = startDemoWorld;\n" },
  mainImportsDemoLazily: { filePath: 'src/main.ts', code: "export async function demo() {\n  return import('./demo/start-demo-world.js');\n}\n" },
  useCaseImportsAxios: { filePath: 'src/service/checkout/uses-axios.ts', code: "import axios from 'axios';\nexport const client = axios.create();\n" },
  useCaseImportsAxiosType: { filePath: 'src/service/checkout/uses-axios-type.ts', code: "import type { AxiosInstance } from 'axios';\nexport type Client = AxiosInstance;\n" },
  routeImportsUndici: { filePath: 'src/service/routes/uses-undici.ts', code: "import { request } from 'undici';\nexport const send = request;\n" },
  demoImportsAxios: { filePath: 'src/demo/emulator/uses-axios.ts', code: "import axios from 'axios';\nexport const client = axios.create();\n" },
  upstreamImportsAxios: { filePath: 'src/service/upstream/another-attempt.ts', code: "import axios from 'axios';\nexport const client = axios.create();\n" },
  orderAdapterImportsAxios: { filePath: 'src/service/orders/http-order-service.ts', code: "import axios from 'axios';\nexport const client = axios.create();\n" },
  primerAdapterImportsAxios: { filePath: 'src/service/primer/http-primer-sessions.ts', code: "import axios from 'axios';\nexport const client = axios.create();\n" },
  paymentsAdapterImportsUndici: { filePath: 'src/service/primer/http-primer-payments.ts', code: "import { request } from 'undici';\nexport const send = request;\n" },
  tokenCacheImportsExpress: { filePath: 'src/service/token-cache/uses-express.ts', code: "import { Router } from 'express';\nexport const router = Router();\n" },
  adapterImportsExpress: { filePath: 'src/service/upstream/uses-express.ts', code: "import express from 'express';\nexport const app = express();\n" },
  useCaseImportsExpressTypes: { filePath: 'src/service/checkout/uses-express-types.ts', code: "import type { Request } from 'express';\nexport type Incoming = Request;\n" },
  routeImportsExpress: { filePath: 'src/service/routes/another-route.ts', code: "import { Router } from 'express';\nexport const router = Router();\n" },
  httpImportsExpress: { filePath: 'src/service/http/another-middleware.ts', code: "import express from 'express';\nexport const json = express.json();\n" },
  appImportsExpress: { filePath: 'src/service/app.ts', code: "import express from 'express';\nexport const app = express();\n" },
  demoImportsExpress: { filePath: 'src/demo/page/another-page.ts', code: "import express from 'express';\nexport const app = express();\n" },
} satisfies Record<string, Fixture>;

type Name = keyof typeof FIXTURES;

function lintAll(): Record<Name, Verdict[]> {
  const names = Object.keys(FIXTURES) as Name[];
  const script = path.join(__dirname, 'support', 'lint-sources.mjs');
  const output = execFileSync(process.execPath, [script, ROOT, JSON.stringify(names.map((name) => FIXTURES[name]))], { cwd: ROOT, encoding: 'utf8' });
  const verdicts = JSON.parse(output) as Verdict[][];
  return Object.fromEntries(names.map((name, index) => [name, verdicts[index] ?? []])) as Record<Name, Verdict[]>;
}

let verdicts: Record<Name, Verdict[]>;

beforeAll(() => {
  verdicts = lintAll();
}, 60_000);

const boundaryMessages = (name: Name) => verdicts[name].filter((verdict) => verdict.ruleId === RULE).map((verdict) => verdict.message);

describe('import boundaries (eslint.config.mjs)', () => {
  it('when src/service imports the demo wing statically, then lint fails', () => {
    expect(boundaryMessages('serviceImportsDemo')).toEqual([expect.stringContaining('must not import the demo wing')]);
    expect(boundaryMessages('serviceRootImportsDemo')).toEqual([expect.stringContaining('must not import the demo wing')]);
  });

  it("when main.ts imports the demo wing with a dynamic import, then lint passes: that is the one seam", () => {
    expect(verdicts.mainImportsDemoLazily).toEqual([]);
  });

  it('when code outside the outbound call path imports axios or undici, even its types, then lint fails', () => {
    for (const name of ['useCaseImportsAxios', 'useCaseImportsAxiosType', 'routeImportsUndici', 'demoImportsAxios', 'orderAdapterImportsAxios', 'primerAdapterImportsAxios', 'paymentsAdapterImportsUndici'] as const) {
      expect({ name, messages: boundaryMessages(name) }).toEqual({ name, messages: [expect.stringContaining('Only the outbound call path')] });
    }
  });

  it('when the outbound call path (upstream/) imports axios, then lint passes', () => {
    expect(verdicts.upstreamImportsAxios).toEqual([]);
  });

  it('when src/service outside app.ts, http/ and routes/ imports an express value, then lint fails', () => {
    expect(boundaryMessages('tokenCacheImportsExpress')).toEqual([expect.stringContaining('use express values')]);
    expect(boundaryMessages('adapterImportsExpress')).toEqual([expect.stringContaining('use express values')]);
  });

  it('when the web layer imports express values, or other service code imports only its types, then lint passes', () => {
    for (const name of ['useCaseImportsExpressTypes', 'routeImportsExpress', 'httpImportsExpress', 'appImportsExpress', 'demoImportsExpress'] as const) {
      expect({ name, verdicts: verdicts[name] }).toEqual({ name, verdicts: [] });
    }
  });
});
