import { existsSync } from 'node:fs';
import path from 'node:path';

// Where the team keeps Primer's file: its shared folder beside the repository (README.md, "Tests").
const BESIDE_REPOSITORY = path.resolve(__dirname, '../../../shared/primer/openapi-2.4.yml');

export const HOW_TO_GET_PRIMER_OPENAPI =
  "Primer publishes its OpenAPI file of API 2.4 with its API reference (https://apiref.primer.io): set PRIMER_OPENAPI_FILE to its path.";

// Primer's published OpenAPI description, test data only: PRIMER_OPENAPI_FILE, else the team's copy, else none.
export function primerOpenApiFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PRIMER_OPENAPI_FILE) return path.resolve(env.PRIMER_OPENAPI_FILE);
  return existsSync(BESIDE_REPOSITORY) ? BESIDE_REPOSITORY : undefined;
}

// .ci/run sets REQUIRE_PRIMER_OPENAPI=true: there a missing file fails the contract tests instead of skipping them.
export function primerOpenApiRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.REQUIRE_PRIMER_OPENAPI === 'true';
}
