import { Type, type Static } from '@sinclair/typebox';

const Milliseconds = Type.Integer({ minimum: 0, maximum: 600_000 });
const RetryAfter = Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.String({ minLength: 1 })]));

// What the emulator can do instead of, or on top of, answering like Primer.
export const Fault = Type.Union([
  Type.Object({
    kind: Type.Literal('status'),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    errorId: Type.Optional(Type.String({ minLength: 1 })),
    description: Type.Optional(Type.String({ minLength: 1 })),
    retryAfter: RetryAfter,
  }),
  Type.Object({ kind: Type.Literal('delay-headers'), ms: Milliseconds }),
  Type.Object({ kind: Type.Literal('delay-body'), ms: Milliseconds }),
  Type.Object({ kind: Type.Literal('drop') }),
  Type.Object({ kind: Type.Literal('invalid-json') }),
  Type.Object({
    kind: Type.Literal('html'),
    status: Type.Optional(Type.Integer({ minimum: 400, maximum: 599 })),
    retryAfter: RetryAfter,
  }),
  Type.Object({ kind: Type.Literal('no-token') }),
]);

export const FaultRule = Type.Object(
  {
    match: Type.Optional(
      Type.Object(
        { method: Type.Optional(Type.String({ minLength: 1 })), path: Type.Optional(Type.String({ minLength: 1 })) },
        { additionalProperties: false },
      ),
    ),
    times: Type.Optional(Type.Integer({ minimum: 1 })),
    fault: Fault,
  },
  { additionalProperties: false },
);

export type Fault = Static<typeof Fault>;
export type FaultRule = Static<typeof FaultRule>;
