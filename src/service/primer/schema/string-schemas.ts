import { Type, type TUnsafe } from '@sinclair/typebox';

// Primer's strings are mostly 1–255 characters: an empty string is invalid where the spec says minLength 1.
export const NonEmptyString = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const StringUpTo = (maxLength: number) => Type.String({ maxLength });

// A plain `enum` keyword, not TypeBox's anyOf of literals: one error per bad value, and quick to check.
export function StringEnum<const T extends readonly string[]>(values: T): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}

// Primer's amounts: integers in minor units, never negative (`format: int64`).
export const MinorUnits = () => Type.Integer({ minimum: 0 });
