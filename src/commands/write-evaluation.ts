import { formatters } from '../format/index.js';
import type { EvaluationReport } from '../format/report.js';
import type { Io } from '../io.js';
import { writeOutputs } from '../write-output.js';
import type { EvaluateCommandOptions } from './evaluate.js';
import { isVisualFormat, type VisualFormat } from '../format/visual-formats.js';

/** Renders every evaluate output before writing any; files are written all or nothing, stdout last. */
export function writeEvaluation(report: EvaluationReport, options: Pick<EvaluateCommandOptions, 'outputs' | 'color' | 'explain'>, io: Io, visuals: ReadonlyMap<VisualFormat, string> = new Map()): void {
  const rendered = options.outputs.map((target) => ({
    ...(target.file !== undefined && { file: target.file }),
    text: isVisualFormat(target.format) ? visuals.get(target.format)! : formatters[target.format](report, { color: target.file === undefined && options.color, explain: options.explain }),
  }));
  writeOutputs(rendered, io.stdout);
}
