/**
 * The messages between the sweep's main thread and its workers. Inputs go out as a Float64Array
 * (copied: the main thread keeps its own to write the samples table and to re-run a batch whose
 * worker died); outputs and statuses come back copied too (batchWorker.ts says why not transferred).
 */
export interface BatchTask {
  /** Runs [from, to) of the design. */
  readonly from: number;
  readonly to: number;
  /** (to − from) rows of factor values, row-major. */
  readonly inputs: Float64Array;
}

export interface BatchOutcome {
  /** (to − from) rows of output columns, row-major; NaN where a run has no value. */
  readonly outputs: Float64Array;
  /** Per run, an index into SAMPLE_STATUSES (0: success). */
  readonly status: Uint8Array;
  /** Per run, what went wrong (null for a success). */
  readonly messages: readonly (string | null)[];
}

export interface BatchResult extends BatchOutcome {
  readonly from: number;
  readonly to: number;
  readonly inputs: Float64Array;
}
