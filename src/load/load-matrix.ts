import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { DEFAULT_GRID_RULES, type Condition, type Criterion, type Gate, type Level, type Matrix, type VerdictBand } from '../engine/types.js';
import { dayNumber } from '../engine/dates.js';
import { didYouMean } from '../suggest.js';
import type { ExtendsInfo } from '../provenance.js';
import { withBase } from './extends.js';
import { citableBibliography, resolveCitation, type KeyedCitation } from './load-bibliography.js';
import { checkDocument, DiagnosticSink, orThrow, parseOrThrow, type Checked } from './load-document.js';
import { declaredFields } from './load-fields.js';
import type * as MatrixSchema from './schema-types/matrix.js';
import { conditionParser } from './parse-condition.js';
import { precompiledInput } from './precompiled.js';
import type { InputText } from './read-input.js';
import type { DataPath, ParsedDocument } from './yaml-document.js';
import { itemAt } from '../checked-index.js';

export interface LoadedMatrix {
  readonly matrix: Matrix;
  readonly file: string;
  readonly sha256: string;
  readonly warnings: readonly Diagnostic[];
  /** The matrices it extends and what it changes in them, when it has `extends:`. */
  readonly extends?: ExtendsInfo;
}

/** The smallest weight above 0: a millionth, as the largest is a million (the schema's bound). */
const MIN_WEIGHT = 0.000001;

/** Loads a matrix and checks everything the schema cannot: ids, orders, gates, conditions. */
export function loadMatrix(input: InputText): LoadedMatrix {
  return precompiledInput<LoadedMatrix>('matrix', input) ?? orThrow(checkMatrix(parseOrThrow(input), input.sha256, input.maxBytes));
}

/** Checks a parsed matrix against the schema and everything it cannot express; never throws. */
export function checkMatrix(doc: ParsedDocument, sha256: string, maxBytes: number): Checked<LoadedMatrix> {
  // A matrix that `extends` another is checked as merged with it (src/load/extends.ts).
  return withBase(doc, maxBytes, (merged) => {
    const schemaProblems = checkDocument(merged, 'matrix');
    return schemaProblems.length > 0 ? { diagnostics: schemaProblems } : matrixFromData(merged, sha256);
  });
}

/** Builds a matrix from a schema-checked document, checking what the schema cannot. */
export function matrixFromData(doc: ParsedDocument, sha256: string): Checked<LoadedMatrix> {
  const raw = doc.data as MatrixSchema.MatrixDocument;
  const sink = new DiagnosticSink(doc);
  const conditions = conditionParser(doc);
  const location = (path: DataPath) => ({ file: doc.file, ...doc.locate(path) });

  if (raw.source.date !== undefined && dayNumber(raw.source.date) === undefined) {
    sink.error('BAD_DATE', ['source', 'date'], `${raw.source.date} is not a calendar date`);
  }
  // The sources a matrix reads are checked, not kept: `summit-score sources` reads them from the document.
  (raw.sources ?? []).forEach((cited, i) => {
    if (cited.key !== undefined) resolveCitation(cited as KeyedCitation, ['sources', i], sink, citableBibliography());
  });
  checkUnique(
    sink,
    raw.criteria.map((c) => c.id),
    (i) => ['criteria', i, 'id'],
    'criterion id',
  );
  checkUnique(
    sink,
    raw.verdicts.map((b) => b.label),
    (i) => ['verdicts', i, 'label'],
    'verdict band',
  );
  checkBands(sink, raw.verdicts);
  raw.criteria.forEach((c, i) => {
    // A weight so small that a step or a sum of it underflows is no weight a researcher means.
    if (c.weight > 0 && c.weight < MIN_WEIGHT) {
      sink.error(
        'OUT_OF_RANGE',
        ['criteria', i, 'weight'],
        `criteria[${i}].weight is ${c.weight}: a weight is 0 or from ${MIN_WEIGHT} to 1000000`,
        'use 0 to show the criterion without counting it',
      );
    }
  });
  if (raw.criteria.every((c) => c.weight === 0)) {
    sink.error('NO_WEIGHT', ['criteria'], 'every criterion has weight 0, so no total can be formed', 'give at least one criterion a weight above 0');
  }
  const bandLabels = raw.verdicts.map((b) => b.label);
  const fields = raw.fields === undefined ? undefined : declaredFields(raw.fields, sink, (path) => ({ file: doc.file, ...doc.locate(path, { key: true }) }));

  const criteria = raw.criteria.map((c, ci): Criterion => {
    const at = (...rest: (string | number)[]): DataPath => ['criteria', ci, ...rest];
    checkUnique(
      sink,
      c.levels.map((l) => l.label),
      (li) => at('levels', li, 'label'),
      `level of ${c.id}`,
    );
    checkLevels(sink, c, at);
    const levelLabels = c.levels.map((l) => l.label);
    const gates = (c.gates ?? []).map((gate, gi): Gate => {
      if (!bandLabels.includes(gate.above)) {
        sink.error(
          'UNKNOWN_BAND',
          at('gates', gi, 'above'),
          `no verdict band \`${gate.above}\``,
          didYouMean(gate.above, bandLabels) ?? `bands: ${bandLabels.join(', ')}`,
        );
      }
      if (!levelLabels.includes(gate.requires)) {
        sink.error(
          'UNKNOWN_LEVEL',
          at('gates', gi, 'requires'),
          `${c.id} has no level \`${gate.requires}\``,
          didYouMean(gate.requires, levelLabels) ?? `levels: ${levelLabels.join(', ')}`,
        );
      }
      return { ...gate, location: location(at('gates', gi)) };
    });
    const perParty = c.perParty === true || Array.isArray(c.perParty) ? c.perParty : undefined;
    const scope = { party: perParty !== undefined, subject: c.forEach !== undefined };
    const levels = c.levels.map((l, li): Level => {
      const when: Condition | undefined = l.when === undefined ? undefined : conditions.parse(l.when, at('levels', li, 'when'), scope);
      return {
        label: l.label,
        score: l.score,
        ...(l.description !== undefined && { description: l.description }),
        ...(when && { when }),
        location: location(at('levels', li)),
      };
    });
    const appliesWhen = c.appliesWhen === undefined ? undefined : conditions.parse(c.appliesWhen, at('appliesWhen'), scope);
    const forEach = c.forEach === undefined ? undefined : conditions.parse(c.forEach, at('forEach'), { ...scope, event: true });
    return {
      id: c.id,
      title: c.title,
      ...(c.description !== undefined && { description: c.description }),
      weight: c.weight,
      levels,
      gates,
      ...(appliesWhen && { appliesWhen }),
      ...(perParty !== undefined && { perParty }),
      ...(forEach && { forEach }),
      location: location(at()),
    };
  });

  const diagnostics = [...sink.diagnostics, ...conditions.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics };
  const matrix: Matrix = {
    id: raw.id,
    title: raw.title,
    version: raw.version,
    ...(raw.description !== undefined && { description: raw.description }),
    source: raw.source,
    aggregation: raw.aggregation ?? 'weighted-mean',
    criteria,
    verdicts: raw.verdicts,
    grid: { ...DEFAULT_GRID_RULES, ...raw.grid },
    ...(raw.missingData && { missingData: { maxUnknownShare: raw.missingData.maxUnknownShare } }),
    ...(fields && { fields }),
  };
  return { value: { matrix, file: doc.file, sha256, warnings: diagnostics }, diagnostics };
}

function checkUnique(sink: DiagnosticSink, values: readonly string[], pathOf: (i: number) => DataPath, what: string): void {
  const first = new Map<string, number>();
  values.forEach((value, i) => {
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, i);
    else sink.error('DUPLICATE_ID', pathOf(i), `${what} \`${value}\` appears twice (first at item ${earlier + 1})`);
  });
}

function checkLevels(sink: DiagnosticSink, criterion: MatrixSchema.Criterion, at: (...rest: (string | number)[]) => DataPath): void {
  const { levels } = criterion;
  levels.forEach((level, i) => {
    if (level.when === undefined && i < levels.length - 1) {
      sink.error(
        'LEVEL_ORDER',
        at('levels', i),
        `level \`${level.label}\` has no \`when\`, so it always matches and the levels below it are never reached`,
        'only the lowest level may go without `when`',
      );
    }
    const above = levels[i - 1];
    if (above && level.score > above.score) {
      sink.error(
        'LEVEL_ORDER',
        at('levels', i, 'score'),
        `level \`${level.label}\` scores ${level.score}, more than \`${above.label}\` above it (${above.score})`,
        'list levels best first',
      );
    }
  });
  const scores = levels.map((level) => level.score);
  if (criterion.weight > 0 && Math.max(...scores) === Math.min(...scores)) {
    sink.error(
      'FLAT_SCALE',
      at('levels'),
      `every level of ${criterion.id} scores ${scores[0]}, so its weight cannot change the total`,
      'give the levels different scores, or the criterion weight 0 to show it without counting it',
    );
  }
}

function checkBands(sink: DiagnosticSink, bands: readonly VerdictBand[]): void {
  // Bands listed worst first are one mistake, not one per pair (nor a last band above 0).
  if (bands.length > 1 && bands.every((band, i) => i === 0 || band.min > itemAt(bands, i - 1).min)) {
    const best = [...bands]
      .reverse()
      .map((band) => `${band.label} (${band.min})`)
      .join(', ');
    sink.error('BAND_ORDER', ['verdicts', 0, 'min'], 'the verdict bands run from worst to best', `list them best first: ${best}`);
    return;
  }
  bands.forEach((band, i) => {
    const above = bands[i - 1];
    if (above && band.min >= above.min) {
      sink.error(
        'BAND_ORDER',
        ['verdicts', i, 'min'],
        `band \`${band.label}\` starts at ${band.min}, not below \`${above.label}\` (${above.min})`,
        'list bands best first, each starting lower than the one before',
      );
    }
  });
  const last = itemAt(bands, bands.length - 1);
  // When a band starting at 0 stands elsewhere, the order errors above already say what is wrong.
  if (last.min !== 0 && !bands.some((band) => band.min === 0)) {
    sink.error(
      'BAND_ORDER',
      ['verdicts', bands.length - 1, 'min'],
      `the last band \`${last.label}\` starts at ${last.min}, so totals below it get no verdict`,
      'make the last band start at 0',
    );
  }
}
