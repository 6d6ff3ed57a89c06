import { hasErrors, InputError, type Diagnostic } from '../diagnostics.js';
import type { Condition, Criterion, Gate, Level, Matrix, VerdictBand } from '../engine/types.js';
import { didYouMean } from '../suggest.js';
import { DiagnosticSink, parseAndCheck } from './load-document.js';
import { conditionParser } from './parse-condition.js';
import type { InputText } from './read-input.js';
import type { DataPath } from './yaml-document.js';

export interface LoadedMatrix {
  readonly matrix: Matrix;
  readonly file: string;
  readonly sha256: string;
  readonly warnings: readonly Diagnostic[];
}

interface RawLevel {
  label: string;
  score: number;
  description?: string;
  when?: unknown;
}
interface RawCriterion {
  id: string;
  title: string;
  description?: string;
  weight: number;
  levels: RawLevel[];
  gates?: { above: string; requires: string }[];
  appliesWhen?: unknown;
}
interface RawMatrix {
  id: string;
  title: string;
  version: string;
  description?: string;
  source: Matrix['source'];
  aggregation?: Matrix['aggregation'];
  criteria: RawCriterion[];
  verdicts: VerdictBand[];
}

/** Loads a matrix and checks everything the schema cannot: ids, orders, gates, conditions. */
export function loadMatrix(input: InputText): LoadedMatrix {
  const doc = parseAndCheck(input, 'matrix');
  const raw = doc.data as RawMatrix;
  const sink = new DiagnosticSink(doc);
  const conditions = conditionParser(doc);
  const location = (path: DataPath) => ({ file: doc.file, ...doc.locate(path) });

  checkUnique(sink, raw.criteria.map((c) => c.id), (i) => ['criteria', i, 'id'], 'criterion id');
  checkUnique(sink, raw.verdicts.map((b) => b.label), (i) => ['verdicts', i, 'label'], 'verdict band');
  checkBands(sink, raw.verdicts);
  if (raw.criteria.every((c) => c.weight === 0)) {
    sink.error('NO_WEIGHT', ['criteria'], 'every criterion has weight 0, so no total can be formed', 'give at least one criterion a weight above 0');
  }
  const bandLabels = raw.verdicts.map((b) => b.label);

  const criteria = raw.criteria.map((c, ci): Criterion => {
    const at = (...rest: (string | number)[]): DataPath => ['criteria', ci, ...rest];
    checkUnique(sink, c.levels.map((l) => l.label), (li) => at('levels', li, 'label'), `level of ${c.id}`);
    checkLevels(sink, c, at);
    const levelLabels = c.levels.map((l) => l.label);
    const gates = (c.gates ?? []).map((gate, gi): Gate => {
      if (!bandLabels.includes(gate.above)) {
        sink.error('UNKNOWN_BAND', at('gates', gi, 'above'), `no verdict band \`${gate.above}\``, didYouMean(gate.above, bandLabels) ?? `bands: ${bandLabels.join(', ')}`);
      }
      if (!levelLabels.includes(gate.requires)) {
        sink.error('UNKNOWN_LEVEL', at('gates', gi, 'requires'), `${c.id} has no level \`${gate.requires}\``, didYouMean(gate.requires, levelLabels) ?? `levels: ${levelLabels.join(', ')}`);
      }
      return { ...gate, location: location(at('gates', gi)) };
    });
    const levels = c.levels.map((l, li): Level => {
      const when: Condition | undefined = l.when === undefined ? undefined : conditions.parse(l.when, at('levels', li, 'when'));
      return {
        label: l.label,
        score: l.score,
        ...(l.description !== undefined && { description: l.description }),
        ...(when && { when }),
        location: location(at('levels', li)),
      };
    });
    const appliesWhen = c.appliesWhen === undefined ? undefined : conditions.parse(c.appliesWhen, at('appliesWhen'));
    return {
      id: c.id,
      title: c.title,
      ...(c.description !== undefined && { description: c.description }),
      weight: c.weight,
      levels,
      gates,
      ...(appliesWhen && { appliesWhen }),
      location: location(at()),
    };
  });

  const diagnostics = [...sink.diagnostics, ...conditions.diagnostics];
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);
  const matrix: Matrix = {
    id: raw.id,
    title: raw.title,
    version: raw.version,
    ...(raw.description !== undefined && { description: raw.description }),
    source: raw.source,
    aggregation: raw.aggregation ?? 'weighted-mean',
    criteria,
    verdicts: raw.verdicts,
  };
  return { matrix, file: input.file, sha256: input.sha256, warnings: diagnostics };
}

function checkUnique(sink: DiagnosticSink, values: readonly string[], pathOf: (i: number) => DataPath, what: string): void {
  const first = new Map<string, number>();
  values.forEach((value, i) => {
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, i);
    else sink.error('DUPLICATE_ID', pathOf(i), `${what} \`${value}\` appears twice (first at item ${earlier + 1})`);
  });
}

function checkLevels(sink: DiagnosticSink, criterion: RawCriterion, at: (...rest: (string | number)[]) => DataPath): void {
  const { levels } = criterion;
  levels.forEach((level, i) => {
    if (level.when === undefined && i < levels.length - 1) {
      sink.error('LEVEL_ORDER', at('levels', i), `level \`${level.label}\` has no \`when\`, so it always matches and the levels below it are never reached`, 'only the lowest level may go without `when`');
    }
    const above = levels[i - 1];
    if (above && level.score > above.score) {
      sink.error('LEVEL_ORDER', at('levels', i, 'score'), `level \`${level.label}\` scores ${level.score}, more than \`${above.label}\` above it (${above.score})`, 'list levels best first');
    }
  });
  const scores = levels.map((level) => level.score);
  if (criterion.weight > 0 && Math.max(...scores) === Math.min(...scores)) {
    sink.error('FLAT_SCALE', at('levels'), `every level of ${criterion.id} scores ${scores[0]}, so its weight cannot change the total`, 'give the levels different scores, or the criterion weight 0 to show it without counting it');
  }
}

function checkBands(sink: DiagnosticSink, bands: readonly VerdictBand[]): void {
  bands.forEach((band, i) => {
    const above = bands[i - 1];
    if (above && band.min >= above.min) {
      sink.error('BAND_ORDER', ['verdicts', i, 'min'], `band \`${band.label}\` starts at ${band.min}, not below \`${above.label}\` (${above.min})`, 'list bands best first, each starting lower than the one before');
    }
  });
  const last = bands[bands.length - 1]!;
  if (last.min !== 0) {
    sink.error('BAND_ORDER', ['verdicts', bands.length - 1, 'min'], `the last band \`${last.label}\` starts at ${last.min}, so totals below it get no verdict`, 'make the last band start at 0');
  }
}
