// The parts of the documented JSON outputs (evaluation@2, compare@2, timeline@2,
// sensitivity@1) that the HTML report reads. The report renders the JSON contract, not the
// engine's internals, so what a reader sees in the page is what a script reads from `-f json`.

export interface Band {
  readonly label: string;
  readonly min: number;
}

export interface MatrixInfo {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly file: string;
  readonly sha256: string;
  readonly source?: { readonly author?: string; readonly title?: string; readonly url?: string; readonly date?: string } | null;
  readonly verdicts?: readonly Band[];
  readonly aggregation?: { readonly method: string; readonly description: string };
}

export interface RecordInfo {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly file: string;
  readonly sha256: string;
}

interface EvidenceItem {
  readonly event: string;
  readonly date: string;
  readonly type: string;
  readonly title: string | null;
  readonly file: string | null;
  readonly line: number | null;
  readonly verified: boolean;
  readonly sources: readonly (string | null)[];
}

interface LevelValue {
  readonly label: string;
  readonly score: number;
}

interface Explanation {
  readonly level: LevelValue | null;
  readonly expected: string;
  readonly actual: string;
  readonly event: string | null;
}

export interface CellDocument {
  readonly applicable: boolean | 'unknown';
  readonly level: LevelValue | null;
  readonly levelRange?: { readonly low: LevelValue | null; readonly high: LevelValue | null } | null;
  readonly points: number | null;
  readonly evidence: readonly EvidenceItem[];
  readonly explanation?: Explanation | null;
}

export interface CriterionDocument extends CellDocument {
  readonly id: string;
  readonly criterion: string;
  readonly subject: string | null;
  readonly title: string;
  readonly weight: number;
  readonly maxPoints: number;
  readonly contribution: number | null;
  readonly contributionRange?: { readonly low: number; readonly high: number } | null;
  readonly parties: readonly (CellDocument & { readonly party: string })[] | null;
}

interface GateDocument {
  readonly criterion: string;
  readonly above: string;
  readonly requires: string;
  readonly level: string | null;
  readonly status: string;
}

interface GridAverageDocument {
  readonly cells: number;
  readonly notApplicable: number;
  readonly averageText: string | null;
  readonly percent: number | null;
}

interface GridDocument {
  readonly parties: readonly string[];
  readonly criteria: readonly string[];
  readonly byParty: readonly (GridAverageDocument & { readonly party: string })[];
  readonly byCriterion: readonly (GridAverageDocument & { readonly criterion: string })[];
  readonly overall: GridAverageDocument;
}

export interface SourceDocument {
  readonly url: string | null;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly date: string | null;
  readonly verified: boolean;
  readonly events: readonly string[];
}

export interface ResultDocument {
  readonly record: RecordInfo;
  readonly asOf: string;
  readonly score: number | null;
  readonly scoreRange?: { readonly low: number; readonly high: number } | null;
  readonly band: string | null;
  readonly verdict: string | null;
  readonly verdicts?: readonly string[] | null;
  readonly gates: readonly GateDocument[];
  readonly criteria: readonly CriterionDocument[];
  readonly grid: GridDocument | null;
  readonly sources: readonly SourceDocument[];
}

export interface EvaluationDocument {
  readonly schema: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly matrix: MatrixInfo;
  readonly asOf: string | null;
  readonly results: readonly ResultDocument[];
}
