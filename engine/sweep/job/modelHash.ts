import { createHash } from 'node:crypto';
import type { ModelDefinition } from '../../definition/types.js';

/**
 * `sha256:<hex>` of what a model is — every process, flow, stock, parameter, scenario and every
 * data value read from its CSV files — and not of where or how it is written: the file's path and
 * line positions are left out, so the same model hashes alike on every machine of a sharded sweep.
 */
export function modelHash(definition: ModelDefinition): string {
  const { file: _file, sourceMap: _sourceMap, ...content } = definition;
  const text = JSON.stringify(content, (_key, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value));
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
