// Import boundaries (issue 15): the service never reaches into the demo wing, only the outbound call path (upstream/)
// holds an HTTP client, and only the web layer uses express values. Static imports only: main.ts's dynamic import of the
// demo wing is the one seam.

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

const SERVICE = 'src/service/**/*.ts';
const UPSTREAM = ['src/service/upstream/**/*.ts'];
const WEB_LAYER = ['src/service/app.ts', 'src/service/http/**/*.ts', 'src/service/routes/**/*.ts'];

// One rule entry per group of files: ESLint replaces, not merges, a rule's options when two config objects match.
function restrict({ patterns, paths = [] }) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] };
}

export const importBoundaries = [
  { files: ['src/**/*.ts'], rules: restrict({ patterns: [HTTP_CLIENT] }) },
  { files: [SERVICE], rules: restrict({ patterns: [DEMO_WING, HTTP_CLIENT], paths: [EXPRESS] }) },
  { files: UPSTREAM, rules: restrict({ patterns: [DEMO_WING], paths: [EXPRESS] }) },
  { files: WEB_LAYER, rules: restrict({ patterns: [DEMO_WING, HTTP_CLIENT] }) },
];
