// Wrong types, blanks, an over-long string and numbers out of range: what a field of a JSON body can hold wrongly.
export const WRONG_VALUES: readonly unknown[] = [null, 42, 1.5, -1, '', 'text', 'x'.repeat(1025), true, [], {}];

// Every broken copy of a JSON value: each field (at any depth) replaced by each wrong value, or removed.
export function brokenCopies(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = Object.entries(value);
  const rebuilt = (key: string, field: unknown[]) => field.map((next) => (Array.isArray(value) ? Object.assign([...value], { [key]: next }) : { ...value, [key]: next }));
  return entries.flatMap(([key, field]) => [
    ...rebuilt(key, [...WRONG_VALUES, ...brokenCopies(field)]),
    Object.fromEntries(entries.filter(([other]) => other !== key)),
  ]);
}
