import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModelFromText } from '../../engine/definition/loadModel.js';
import { loadSweepModel, modelFileSource } from '../../engine/definition/loadModelFile.js';
import { locate } from '../../engine/definition/locate.js';
import { childPath } from '../../engine/definition/sourceMap.js';
import { ModelError, OptionsError } from '../../engine/errors.js';
import { run } from '../../engine/simulate/run.js';
import { modelSweepJob } from '../../engine/sweep/job/modelSweepJob.js';
import { loadSweepFromText } from '../../engine/sweep/spec/loadSweep.js';

/** One fuzz case: a model (or sweep) file's text, where it lies, and the data roots it may use. */
export interface FuzzCase {
  readonly index: number;
  readonly kind: 'model' | 'sweep';
  readonly file: string;
  readonly text: string;
  readonly dataRoots: readonly string[];
}

export interface FuzzOutcome {
  readonly index: number;
  /** success, ModelError, OptionsError, or the name of any other error (a defect). */
  readonly outcome: string;
  readonly message: string;
  /** For a ModelError: whether it names a file and gives a hint. */
  readonly typed: boolean;
  /** Characters of the message as the CLI prints it (the message itself comes cut to 2,000). */
  readonly length: number;
  /** The real paths of the data files the loader was given. */
  readonly served: readonly string[];
}

/**
 * Runs a case as the CLI would (load, compile, run every scenario; for a sweep, load it and its
 * model and build the job), with the file system's data source wrapped to record every file it
 * served. Runs in a child process, so that the test can stop a case that does not end and see
 * one that aborts the process.
 */
function runCase(fuzz: FuzzCase): FuzzOutcome {
  const served: string[] = [];
  const source = modelFileSource(fuzz.file, { dataRoots: fuzz.dataRoots });
  const readFile = (path: string) => {
    const text = source.readFile(path);
    served.push(realpathSync(isAbsolute(path) ? path : join(dirname(fuzz.file), path)));
    return text;
  };
  try {
    if (fuzz.kind === 'sweep') {
      const spec = loadSweepFromText(fuzz.text, fuzz.file);
      const definition = loadSweepModel(fuzz.file, spec.model, locate(spec, childPath(spec.root, 'model')), { dataRoots: fuzz.dataRoots });
      served.push(realpathSync(definition.file));
      modelSweepJob(spec, definition);
    } else {
      const model = compile(loadModelFromText(fuzz.text, { file: fuzz.file, dataRoots: fuzz.dataRoots, readFile }));
      for (const scenario of [undefined, ...model.scenarios.keys()]) run(model, { scenario });
    }
    return { index: fuzz.index, outcome: 'success', message: '', typed: true, length: 0, served };
  } catch (error) {
    const outcome = error instanceof ModelError ? 'ModelError' : error instanceof OptionsError ? 'OptionsError' : error instanceof Error ? error.name : typeof error;
    const typed = !(error instanceof ModelError) || (error.at.file !== '' && (error.hint ?? '').trim() !== '');
    const message = error instanceof ModelError ? error.format() : error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
    return { index: fuzz.index, outcome, message: message.slice(0, 2_000), typed, length: message.length, served };
  }
}

process.on('message', (fuzz: FuzzCase) => process.send!(runCase(fuzz)));
