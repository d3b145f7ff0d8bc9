import type { OpenApiDocument } from '../../support/primer-openapi';

type Schema = Record<string, unknown>;

// Primer's file names the options of "any other payment method" with this literal placeholder key.
export const PAYMENT_METHOD_TYPE_PLACEHOLDER = '<PAYMENT_METHOD_TYPE>';

const COMPARED_KEYWORDS = ['minLength', 'maxLength', 'minimum', 'maximum'] as const;

// Every keyword this walk reads or may ignore; any other in Primer's file could constrain a body unseen, so it is reported.
const KNOWN_KEYWORDS = new Set<string>([
  ...COMPARED_KEYWORDS,
  ...['type', 'format', 'enum', 'required', 'additionalProperties', 'properties', 'items'],
  ...['title', 'description', 'example', 'default'],
]);

export interface Comparison {
  mismatches: string[];
  schemasVisited: Set<string>;
}

function asSchema(value: unknown): Schema {
  return (value ?? {}) as Schema;
}

function without(schema: Schema, keyword: string): Schema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== keyword));
}

// Follows $ref and single-element allOf, keeping sibling keywords (title, default) of the referring node.
function resolve(document: OpenApiDocument, node: Schema, visited: Set<string>): Schema {
  let current = node;
  for (;;) {
    const ref = current.$ref;
    const allOf = current.allOf as Schema[] | undefined;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      visited.add(name);
      current = { ...asSchema(document.components.schemas[name]), ...without(current, '$ref') };
    } else if (allOf?.length === 1) {
      current = { ...asSchema(allOf[0]), ...without(current, 'allOf') };
    } else {
      return current;
    }
  }
}

// Primer's `Currency` and `CountryCodeEnum` are bare enums of strings; ours say `type: string` as well.
function typeOf(schema: Schema): unknown {
  const values = schema.enum;
  if (schema.type === undefined && Array.isArray(values) && values.every((value) => typeof value === 'string')) return 'string';
  return schema.type;
}

function sorted(values: unknown): string {
  return JSON.stringify(Array.isArray(values) ? [...(values as unknown[])].map(String).sort() : []);
}

function compareNode(document: OpenApiDocument, theirs: Schema, ours: Schema, at: string, result: Comparison): void {
  const primer = resolve(document, theirs, result.schemasVisited);
  const report = (what: string, primerValue: unknown, ourValue: unknown) =>
    result.mismatches.push(`${at}: ${what} is ${JSON.stringify(primerValue)} in Primer's file, ${JSON.stringify(ourValue)} in ours`);

  for (const keyword of Object.keys(primer).filter((key) => !KNOWN_KEYWORDS.has(key))) {
    result.mismatches.push(`${at}: ${keyword} in Primer's file is not compared`);
  }
  if (typeOf(primer) !== ours.type) report('type', typeOf(primer), ours.type);
  for (const keyword of COMPARED_KEYWORDS) {
    if (primer[keyword] !== ours[keyword]) report(keyword, primer[keyword], ours[keyword]);
  }
  if (primer.type === 'string' && primer.format !== ours.format) report('format', primer.format, ours.format);
  if (sorted(primer.enum) !== sorted(ours.enum)) report('enum', primer.enum, ours.enum);
  if (sorted(primer.required) !== sorted(ours.required)) report('required', primer.required, ours.required);
  if ((primer.additionalProperties === false) !== (ours.additionalProperties === false)) {
    report('additionalProperties: false', primer.additionalProperties, ours.additionalProperties);
  }

  const primerProperties = asSchema(primer.properties);
  const ourProperties = asSchema(ours.properties);
  for (const name of new Set([...Object.keys(primerProperties), ...Object.keys(ourProperties)])) {
    if (name === PAYMENT_METHOD_TYPE_PLACEHOLDER) {
      compareNode(document, asSchema(primerProperties[name]), asSchema(ours.additionalProperties), `${at}.${name}`, result);
    } else if (!(name in primerProperties)) {
      result.mismatches.push(`${at}.${name}: only in ours`);
    } else if (!(name in ourProperties)) {
      result.mismatches.push(`${at}.${name}: missing from ours`);
    } else {
      compareNode(document, asSchema(primerProperties[name]), asSchema(ourProperties[name]), `${at}.${name}`, result);
    }
  }
  if (primer.items !== undefined || ours.items !== undefined) {
    compareNode(document, asSchema(primer.items), asSchema(ours.items), `${at}[]`, result);
  }
}

// Walks a schema of Primer's file and ours side by side: names, types, enums, required, limits.
export function compareWithOpenApi(document: OpenApiDocument, schemaName: string, ours: object): Comparison {
  const result: Comparison = { mismatches: [], schemasVisited: new Set([schemaName]) };
  compareNode(document, { $ref: `#/components/schemas/${schemaName}` }, ours as Schema, `$`, result);
  return result;
}

// Every schema name reachable from `schemaName` through $ref, however deep.
export function schemasReachableFrom(document: OpenApiDocument, schemaName: string): Set<string> {
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const ref = (node as Schema).$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      if (!reached.has(name)) {
        reached.add(name);
        visit(document.components.schemas[name]);
      }
    }
    Object.values(node).forEach(visit);
  };
  reached.add(schemaName);
  visit(document.components.schemas[schemaName]);
  return reached;
}
