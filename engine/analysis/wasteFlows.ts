/**
 * Which flows are waste streams: those the model marks `waste: true`, or, in a model that marks
 * none, those into an accumulating stock (a landfill). Every stock's outflow is a waste stream too;
 * callers add those. One rule for the run summary, the figures and the sweeps.
 */
export function wasteFlowMask(flows: readonly { readonly to: string; readonly waste: boolean }[], accumulatingProcesses: ReadonlySet<string>): boolean[] {
  const marked = flows.some((flow) => flow.waste);
  return flows.map((flow) => (marked ? flow.waste : accumulatingProcesses.has(flow.to)));
}
