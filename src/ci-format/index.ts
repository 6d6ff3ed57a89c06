import { formatGithub } from './github.js';
import { formatJunit, formatJunitFileLine } from './junit.js';
import { formatSarif } from './sarif.js';
import type { CiFormatter } from './types.js';

export const ciFormatters = {
  junit: formatJunit,
  'junit-file-line': formatJunitFileLine,
  sarif: formatSarif,
  github: formatGithub,
} satisfies Record<string, CiFormatter>;

/** The formats of validate and test: text for people, json for scripts, the rest for CI servers. */
export const CHECK_FORMATS = ['text', 'json', ...(Object.keys(ciFormatters) as (keyof typeof ciFormatters)[])] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export function isCiFormat(format: CheckFormat): format is keyof typeof ciFormatters {
  return Object.hasOwn(ciFormatters, format);
}
