import type { BoundExpression } from '../compile/compiledModel.js';
import type { CompiledRoute } from './compiledEmissions.js';
import { firstOrderDecay } from './firstOrderDecay.js';

type LandfillRoute = Extract<CompiledRoute, { kind: 'landfill' }>;

const CH4_PER_C = 16 / 12;
const CO2_PER_C = 44 / 12;
const CO2_PER_CH4 = 44 / 16;

export interface LandfillResult {
  readonly deposits: Float64Array;
  readonly generated: Float64Array;
  readonly recovered: Float64Array;
  readonly emitted: Float64Array;
  readonly biogenicCO2: Float64Array;
  /** CO2e avoided by recovered gas used for energy; undefined when it is flared. */
  readonly credit: Float64Array | undefined;
}

/**
 * Methane from a landfill by the IPCC first-order decay (IPCC 2006 Vol. 5, Ch. 3), for every year
 * and item of the landfill stock:
 *   DDOCm deposited = W · DOC · DOCf · MCF (deposits before the horizon at the first year's factors),
 *   CH4 generated = decomposed DDOCm · F · 16/12,
 *   CH4 emitted = (generated − recovered) · (1 − OX)                    (Eq. 3.1),
 * recovered being a share of what is generated, or a mass per year (at most what is generated,
 * shared among items in proportion to what they generate). The rest of the carbon leaves as
 * biogenic CO2: the (1 − F) of what decomposes, the methane oxidised in the cover, and the
 * methane recovered and burnt (flared or used for energy).
 */
export function landfillMethane(route: LandfillRoute, inflow: Float64Array, field: (bound: BoundExpression) => Float64Array, horizon: number): LandfillResult {
  const { size } = route;
  const historyYears = route.history?.years.length ?? 0;
  const span = historyYears + horizon;
  const [doc, docf, mcf, f, oxidation, rate] = [route.doc, route.docf, route.mcf, route.f, route.oxidation, route.rate].map(field);
  const recovery = route.recovery === undefined ? undefined : field(route.recovery.bound);
  const deposited = new Float64Array(span);
  const rates = new Float64Array(span);
  const decomposed = new Float64Array(span);
  const accumulated = new Float64Array(span);
  const generated = new Float64Array(horizon * size);
  const decomposedInHorizon = new Float64Array(horizon * size);

  for (let k = 0; k < size; k++) {
    for (let h = 0; h < historyYears; h++) {
      deposited[h] = route.history!.values[h * size + k] * doc[k] * docf[k] * mcf[k];
      rates[h] = rateOf(rate[k], route.halfLife);
    }
    for (let t = 0; t < horizon; t++) {
      const i = t * size + k;
      deposited[historyYears + t] = inflow[i] * doc[i] * docf[i] * mcf[i];
      rates[historyYears + t] = rateOf(rate[i], route.halfLife);
    }
    firstOrderDecay(deposited, rates, route.startMonth, decomposed, accumulated, 0, 1, span);
    for (let t = 0; t < horizon; t++) {
      const i = t * size + k;
      decomposedInHorizon[i] = decomposed[historyYears + t];
      generated[i] = decomposedInHorizon[i] * f[i] * CH4_PER_C;
    }
  }

  const recovered = new Float64Array(horizon * size);
  if (recovery !== undefined && route.recovery!.mode === 'share') {
    for (let i = 0; i < recovered.length; i++) recovered[i] = generated[i] * recovery[i];
  } else if (recovery !== undefined) {
    // A mass per year for the whole landfill (a scalar, so every item holds the same value).
    for (let t = 0; t < horizon; t++) {
      let total = 0;
      for (let k = 0; k < size; k++) total += generated[t * size + k];
      const taken = Math.min(recovery[t * size], total);
      for (let k = 0; k < size; k++) recovered[t * size + k] = total > 0 ? (taken * generated[t * size + k]) / total : 0;
    }
  }

  const emitted = new Float64Array(horizon * size);
  const biogenicCO2 = new Float64Array(horizon * size);
  for (let i = 0; i < emitted.length; i++) {
    const released = generated[i] - recovered[i];
    emitted[i] = released * (1 - oxidation[i]);
    biogenicCO2[i] = decomposedInHorizon[i] * (1 - f[i]) * CO2_PER_C + (released * oxidation[i] + recovered[i]) * CO2_PER_CH4;
  }
  let credit: Float64Array | undefined;
  if (route.recoveryUse === 'energy') {
    const electricity = field(route.electricity!);
    const grid = field(route.gridFactor!);
    credit = recovered.map((value, i) => value * electricity[i] * grid[i]);
  }
  return { deposits: inflow.slice(), generated, recovered, emitted, biogenicCO2, credit };
}

/** k per year from k itself, or from a half-life in years. */
function rateOf(value: number, halfLife: boolean): number {
  return halfLife ? Math.LN2 / value : value;
}
