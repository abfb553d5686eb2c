import { z } from 'zod';

export type NumberTree = number | { [key: string]: NumberTree };
/** A number, or a map (items, then years where a series is meant) down to numbers. */
export const numberTree: z.ZodType<NumberTree> = z.lazy(() => z.union([z.number(), z.record(z.string(), numberTree)]));
