import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../engine/compile/compileModel.js';
import type { CompiledModel } from '../engine/compile/compiledModel.js';
import { loadModelFromText } from '../engine/definition/loadModel.js';
import { readLibrary } from '../engine/definition/loadModelFile.js';
import { repoPath } from './repoPath.js';

/** The three parameters the fit benchmark (and its test) estimate for the reference city. */
export const REFERENCE_CITY_FIT = ['residential_lifetime', 'separate_collection_rate[paper]', 'residual_landfill_share'];

/**
 * The shipped reference city (models/reference-city) with an observations section appended, its
 * data files read from its own folder: the shipped model has no observations (it is synthetic).
 */
export function referenceCityWith(observations: string): CompiledModel {
  const folder = repoPath('models/reference-city');
  const text = readFileSync(join(folder, 'model.yaml'), 'utf8');
  return compile(loadModelFromText(`${text}\n${observations}`, { file: join(folder, 'model.yaml'), readFile: (path) => readFileSync(join(folder, path), 'utf8'), readLibrary }));
}

/** The reference city with the synthetic observations of test/fixtures/observations/reference-city. */
export function observedReferenceCity(): CompiledModel {
  return referenceCityWith(readFileSync(repoPath('test/fixtures/observations/reference-city/observations.yaml'), 'utf8'));
}
