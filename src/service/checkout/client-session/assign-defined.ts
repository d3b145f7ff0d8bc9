// Sets a key only when there is a value: with exactOptionalPropertyTypes an absent field is never `undefined`.
export function assignDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
