import { z } from 'zod';
import { numberTree } from './numberTree.js';

/**
 * The `gwp` and `emissions` sections of a model file, as written. Every factor is an expression
 * (a number, or names of parameters and drivers), so scenarios and sweeps vary factors as they
 * vary anything else; a plain number is read in the unit the key documents.
 */

export const GASES = ['CO2_fossil', 'CO2_biogenic', 'CH4', 'CH4_fossil', 'N2O', 'CO2e'] as const;
export const EMISSION_KINDS = ['factor', 'incineration', 'landfill', 'energy-credit'] as const;

const expression = z.union([z.string().min(1), z.number()]);
const unit = z.union([z.string().min(1), z.literal(1)]);

export const gwpSchema = z
  .union([
    z.string().min(1).describe('a GWP100 set of models/factors/gwp.yaml: AR4, AR5 (the default) or AR6'),
    z.strictObject({ CH4: z.number(), N2O: z.number(), CH4_fossil: z.number().optional() }).describe('GWP100 values given directly'),
  ])
  .describe('how gases are weighted into CO2e');

const target = {
  flow: z.string().optional().describe('the flow (by id) whose mass the factor applies to'),
  process: z.string().optional().describe('the process whose input (the sum of its inflows) the factor applies to'),
};

const route = z.strictObject({
  kind: z.enum(EMISSION_KINDS).optional().describe('factor (default) | incineration (IPCC Eq. 5.1) | landfill (IPCC first-order decay) | energy-credit'),
  label: z.string().optional(),
  ...target,
  // factor
  gas: z.enum(GASES).optional().describe('factor: the gas the factor gives'),
  factor: expression.optional().describe('factor: mass of gas per mass of waste (a plain number is read in `unit`)'),
  unit: unit.optional().describe('factor: unit of a plain-number factor (default t/t): kg/t, g/kg …'),
  credit: z.boolean().optional().describe('factor: avoided emissions (a credit), reported apart from direct emissions'),
  // incineration (IPCC 2006 Vol. 5, Eq. 5.1)
  dry_matter: expression.optional(),
  carbon_fraction: expression.optional().describe('total carbon per dry matter'),
  fossil_fraction: expression.optional().describe('fossil carbon per total carbon'),
  oxidation: expression.optional().describe('incineration: oxidation factor; landfill: methane oxidised in the cover (OX)'),
  // landfill (IPCC 2006 Vol. 5, Ch. 3)
  stock: z.string().optional().describe('landfill: the accumulating stock whose inflow is deposited'),
  doc: expression.optional(),
  docf: expression.optional(),
  mcf: expression.optional(),
  f: expression.optional().describe('landfill: share of CH4 in the generated landfill gas'),
  k: expression.optional().describe('landfill: decay rate (a plain number is per year)'),
  half_life: expression.optional().describe('landfill: instead of k (a plain number is years)'),
  start_month: z.number().optional().describe('landfill: month M in which decomposition starts (default 13: the next January)'),
  recovery: expression.optional().describe('landfill: CH4 recovered, a share of what is generated or a mass per year'),
  recovery_use: z.enum(['flare', 'energy']).optional(),
  history: z
    .strictObject({ dims: z.array(z.string()).optional(), csv: z.string().min(1).optional(), values: z.unknown().optional() })
    .optional()
    .describe('landfill: waste deposited before time.start, by year (and item)'),
  // energy credit (also for landfill gas used for energy)
  electricity: expression.optional().describe('electricity exported per mass (a plain number is MWh/t; landfill: per t of CH4 recovered)'),
  grid_factor: expression.optional().describe('CO2e avoided per electricity (a plain number is t/MWh)'),
  heat: expression.optional().describe('heat exported per mass (a plain number is GJ/t)'),
  heat_factor: expression.optional().describe('CO2e avoided per heat (a plain number is t/GJ)'),
});

export const emissionsSchema = z.record(z.string(), route).describe('emission routes by name: what each treatment route emits or avoids');

export type RawEmissionRoute = z.infer<typeof route>;
export type RawGwp = z.infer<typeof gwpSchema>;
