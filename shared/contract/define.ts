import type { z } from 'zod';

/**
 * A call in the contract: its input schema (checked in the main process, whichever transport
 * carried it) and its result type (a phantom: types only, nothing at run time).
 */
export interface CallSpec<Input extends z.ZodType, Result> {
  readonly input: Input;
  readonly result?: Result;
}

/** `call<Result>()(schema)`: the result type is given explicitly, the input is inferred. */
export const call =
  <Result>() =>
  <Input extends z.ZodType>(input: Input): CallSpec<Input, Result> => ({ input });

/** An event the main process sends to the renderer. */
export interface EventSpec<Payload> {
  readonly payload?: Payload;
}

export const event = <Payload>(): EventSpec<Payload> => ({});
