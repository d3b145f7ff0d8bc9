// Import boundaries (README.md, "Code layout"): the service never reaches into the demo wing, only the outbound call path
// (upstream/) holds an HTTP client, only the web layer uses express values, and imports point one way through the layers:
// web → use cases → ports and pure rules → adapters, with observability/ (logs, metrics, traces, and the per-request line,
// metric and span, which use express types only) and lifecycle/ importable by all and importing no domain. Static imports
// only: main.ts's dynamic import of the demo wing is the one seam.

const DEMO_WING = {
  regex: '(^|/)demo(/|$)',
  message: 'src/service must not import the demo wing (src/demo); main.ts loads it lazily when the config asks for it.',
};
const HTTP_CLIENT = {
  regex: '^(axios|undici)(/|$)',
  message: 'Only the outbound call path (src/service/upstream) imports an HTTP client; adapters call it through UpstreamClient.',
};
const EXPRESS = {
  name: 'express',
  allowTypeImports: true,
  message: 'In src/service only app.ts, http/ and routes/ use express values; elsewhere import its types only (`import type`).',
};

// A relative import of one of src/service's folders (or root files), from any depth.
const into = (alternatives) => `^\\.\\.?/(.*/)?(${alternatives})`;

const WEB = {
  regex: into('app$|http(/|$)|routes(/|$)'),
  message: 'Only the web layer (app.ts, http/, routes/) and compose-app.ts import the web layer: imports point from web to use cases, never back.',
};
const COMPOSITION = {
  regex: into('compose-app$|main$'),
  message: 'compose-app.ts and main.ts wire the service; nothing they wire imports them.',
};
const ADAPTERS = {
  regex: `${into('redis/|primer/(http-|primer-api$)|orders/(http-|order-service-api$)')}|^\\./(http-|primer-api$|order-service-api$)`,
  message: 'Only compose-app.ts wires the adapters (redis/, primer/http-*, primer-api.ts, orders/http-*, order-service-api.ts); others use their ports.',
};
const DOMAINS = {
  regex: into('(checkout|payments|orders|primer|token-cache|concurrency|redis|upstream|http|routes)(/|$)|app$|compose-app$'),
  message: 'observability/ and lifecycle/ import no domain: every layer imports them, so they import none of it.',
};
const UPSTREAM_DOMAINS = {
  regex: into('(checkout|payments|orders|primer|token-cache|concurrency|redis)(/|$)'),
  message: 'The outbound call path (upstream/) knows no domain: the adapters in primer/ and orders/ give it their paths and answers.',
};

const SERVICE = 'src/service/**/*.ts';
const WEB_LAYER = ['src/service/app.ts', 'src/service/http/**/*.ts', 'src/service/routes/**/*.ts'];
const USE_CASES = ['src/service/checkout/**/*.ts', 'src/service/payments/**/*.ts'];
const ADAPTER_FILES = [
  'src/service/redis/**/*.ts',
  'src/service/primer/http-*.ts',
  'src/service/primer/primer-api.ts',
  'src/service/orders/http-*.ts',
  'src/service/orders/order-service-api.ts',
];
const PORTS_AND_RULES = ['src/service/token-cache/**/*.ts', 'src/service/concurrency/**/*.ts', 'src/service/orders/**/*.ts', 'src/service/primer/**/*.ts'];
const UPSTREAM = ['src/service/upstream/**/*.ts'];
// Its subfolders (metrics/, tracing/, requests/) share no name with a layer's folder, which the regexes above match
// anywhere in a relative path.
const OBSERVABILITY = ['src/service/observability/**/*.ts'];
const LIFECYCLE = ['src/service/lifecycle/**/*.ts'];

// One rule entry per group of files: ESLint replaces, not merges, a rule's options when two config objects match, so each
// group lists every pattern that holds for it, and a later group wins over an earlier one.
function restrict({ patterns, paths = [] }) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] };
}

export const importBoundaries = [
  { files: ['src/**/*.ts'], rules: restrict({ patterns: [HTTP_CLIENT] }) },
  { files: [SERVICE], rules: restrict({ patterns: [DEMO_WING, HTTP_CLIENT], paths: [EXPRESS] }) },
  { files: WEB_LAYER, rules: restrict({ patterns: [DEMO_WING, HTTP_CLIENT, COMPOSITION, ADAPTERS] }) },
  { files: USE_CASES, rules: restrict({ patterns: [DEMO_WING, HTTP_CLIENT, WEB, COMPOSITION, ADAPTERS], paths: [EXPRESS] }) },
  { files: PORTS_AND_RULES, ignores: ADAPTER_FILES, rules: restrict({ patterns: [DEMO_WING, HTTP_CLIENT, WEB, COMPOSITION, ADAPTERS], paths: [EXPRESS] }) },
  { files: ADAPTER_FILES, rules: restrict({ patterns: [DEMO_WING, HTTP_CLIENT, WEB, COMPOSITION], paths: [EXPRESS] }) },
  { files: UPSTREAM, rules: restrict({ patterns: [DEMO_WING, WEB, COMPOSITION, UPSTREAM_DOMAINS], paths: [EXPRESS] }) },
  { files: [...OBSERVABILITY, ...LIFECYCLE], rules: restrict({ patterns: [DEMO_WING, HTTP_CLIENT, COMPOSITION, DOMAINS], paths: [EXPRESS] }) },
];
