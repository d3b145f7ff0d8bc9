import { HOW_TO_GET_PRIMER_OPENAPI, primerOpenApiFile, primerOpenApiRequired } from './primer-openapi-file';

// Jest's globalSetup: one line per run, not one per skipped contract suite.
export default function announceMissingPrimerOpenApi(): void {
  if (primerOpenApiFile() !== undefined || primerOpenApiRequired()) return;
  process.stdout.write(`\nThe contract tests (test/contract) are skipped, without Primer's OpenAPI file. ${HOW_TO_GET_PRIMER_OPENAPI}\n`);
}
