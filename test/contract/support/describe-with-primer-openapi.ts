import { primerOpenApiFile, primerOpenApiRequired } from '../../support/primer-openapi-file';

// A suite that holds the project's schema against Primer's file: skipped without the file, unless it is required (.ci/run).
export function describeWithPrimerOpenApi(name: string, suite: () => void): void {
  const runs = primerOpenApiFile() !== undefined || primerOpenApiRequired();
  (runs ? describe : describe.skip)(name, suite);
}
