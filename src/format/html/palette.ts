// Okabe & Ito's colour-blind-safe palette (2008), and a sequential ramp for ordered levels. No
// chart relies on colour alone: every mark also carries its label or value as text.
import { itemAt } from '../../checked-index.js';

export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** Verdict bands, best first: dark blue to pale, readable under every form of colour blindness. */
export function bandColours(count: number): string[] {
  const ramp = ['#08519c', '#3182bd', '#6baed6', '#bdd7e7', '#eff3ff'];
  if (count <= ramp.length) return ramp.slice(0, count);
  return Array.from({ length: count }, (_, i) => itemAt(ramp, Math.round((i * (ramp.length - 1)) / (count - 1))));
}

/** −1 / 0 / +1 compliance cells: vermillion, grey, blue (distinct in every colour vision). */
export const COMPLIANCE_COLOURS = { '-1': '#D55E00', '0': '#bbbbbb', '1': '#0072B2' } as const;

export const MUTED = '#888888';
