import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const MODELS_DIRECTORY = join(import.meta.dirname, '../../models');

/** The shipped models: the folders of models/ with a model.yaml (models/factors holds factor libraries). */
export const SHIPPED_MODELS = readdirSync(MODELS_DIRECTORY, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(MODELS_DIRECTORY, entry.name, 'model.yaml')))
  .map((entry) => entry.name);
