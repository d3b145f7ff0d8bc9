import type { TSchema } from '@sinclair/typebox';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Request, Response } from 'express';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv, ['uri']);

// Reads a control request's body against its schema; a bad one is answered 400 with what was wrong, and changes nothing.
export function controlBody<T>(schema: TSchema, what: string): (req: Request, res: Response) => T | undefined {
  const validate = ajv.compile<T>(schema);
  return (req, res) => {
    if (validate(req.body)) return req.body;
    res.status(400).json({ error: `invalid ${what}`, details: validate.errors ?? [] });
    return undefined;
  };
}
