import type { z } from 'zod';
import { MalformedPayload } from './verification';

/** The verified body as JSON, or a 400 that says where it stops being JSON. */
export const parseJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new MalformedPayload(`the body is not valid JSON (${(error as Error).message})`);
  }
};

/** The verified body read as the provider documents it: a 400 names the first field that is not. */
export const readPayload = <S extends z.ZodType>(body: Buffer, schema: S): z.output<S> => checkPayload(parseJson(body), schema);

export const checkPayload = <S extends z.ZodType>(value: unknown, schema: S): z.output<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'the body';
  throw new MalformedPayload(`${where}: ${issue.message}`);
};
