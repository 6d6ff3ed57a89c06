import type { CompiledCriterion, Evidence, PartyCell } from './evaluate.js';

/** A cell as an assessment states it; evaluate adds its range and its unknown facts. */
export type AssessedCell = Omit<PartyCell, 'levelRange' | 'normalisedRange' | 'unknown'>;
import { eventOrder, type RecordIndex } from './record-index.js';
import type { AssessedScore, SummitEvent } from './types.js';

/** The assessment a cell's score came from, and the earlier ones of the same cell it replaced. */
export interface CellAssessment {
  readonly event: string;
  readonly date: string;
  readonly score: AssessedScore;
  readonly assessor: string | null;
  readonly window: string | null;
  readonly rationale: string | null;
  /** Earlier assessments of the same cell known by the as-of date, latest first: this one supersedes them (a recalibration). */
  readonly superseded: readonly string[];
  /** Per report window, what the latest assessment in that window gave: for interim and final side by side. */
  readonly byWindow: Readonly<Record<string, AssessedScore>>;
  /** Why the score cannot count (it is not on the criterion's scale); the cell is then unknown. */
  readonly problem: string | null;
}

interface AssessmentIndex {
  /** `criterion \0 commitment \0 member` (criterion empty when the assessment names none) -> known assessments, in record order. */
  readonly known: Map<string, SummitEvent[]>;
  /** `criterion \0 commitment` of every assessment in the record, known by the as-of date or not. */
  readonly underAssessment: Set<string>;
}

const cache = new WeakMap<RecordIndex['cache'], AssessmentIndex | null>();

/** One pass over the record, on the first cell that asks; null when the record has no assessment. */
function assessmentIndex(index: RecordIndex): AssessmentIndex | null {
  let built = cache.get(index.cache);
  if (built !== undefined) return built;
  built = null;
  for (const event of index.record.events) {
    const assessment = event.assessment;
    if (!assessment) continue;
    built ??= { known: new Map(), underAssessment: new Set() };
    built.underAssessment.add(`${assessment.criterion ?? ''}\0${assessment.commitment}`);
  }
  if (built) {
    for (const event of index.events) {
      const assessment = event.assessment;
      if (!assessment) continue;
      const key = `${assessment.criterion ?? ''}\0${assessment.commitment}\0${assessment.member}`;
      const list = built.known.get(key);
      if (list) list.push(event);
      else built.known.set(key, [event]);
    }
  }
  cache.set(index.cache, built);
  return built;
}

/**
 * The cell of `party` for the commitment the scope is about, as assessments state it; undefined
 * when no assessment in the record is about this commitment, so the matrix derives the cell from
 * events. Once a commitment is assessed, a member nobody assessed (yet, at the as-of date) is
 * unknown, never the lowest level; a later assessment of the cell supersedes an earlier one.
 */
export function assessedCell(entry: CompiledCriterion, index: RecordIndex, party: string): AssessedCell | undefined {
  const subject = index.subject;
  if (!subject) return undefined;
  const assessments = assessmentIndex(index);
  if (!assessments) return undefined;
  const criterion = entry.criterion;
  const own = `${criterion.id}\0${subject.id}`;
  const any = `\0${subject.id}`;
  if (!assessments.underAssessment.has(own) && !assessments.underAssessment.has(any)) return undefined;
  const found = [...(assessments.known.get(`${own}\0${party}`) ?? []), ...(assessments.known.get(`${any}\0${party}`) ?? [])];
  if (found.length === 0) return unknownCell(party, null);

  const order = eventOrder(index);
  found.sort((a, b) => a.day - b.day || order.get(a)! - order.get(b)!);
  const counted = found[found.length - 1]!;
  const byWindow: Record<string, AssessedScore> = {};
  for (const event of found) if (event.assessment!.window !== undefined) byWindow[event.assessment!.window] = event.assessment!.score;
  const { score } = counted.assessment!;
  const level = typeof score === 'number' ? criterion.levels.find((l) => l.score === score) : undefined;
  const problem =
    typeof score === 'number' && !level
      ? `score ${score} is not on the scale of criterion ${criterion.id} (${criterion.levels.map((l) => l.score).join(', ')})`
      : null;
  const info: CellAssessment = {
    event: counted.id,
    date: counted.date,
    score,
    assessor: counted.assessment!.assessor ?? null,
    window: counted.assessment!.window ?? null,
    rationale: counted.assessment!.rationale ?? null,
    superseded: found.slice(0, -1).reverse().map((event) => event.id),
    byWindow,
    problem,
  };
  const evidence: Evidence[] = [toEvidence(counted)];
  if (score === 'not-applicable') {
    return { party, applicable: false, level: null, points: null, normalised: null, evidence, explanation: null, assessment: info };
  }
  if (score === 'not-assessed' || !level) return { ...unknownCell(party, info), evidence };
  const points = level.score - entry.lowestScore;
  const maxPoints = entry.highestScore - entry.lowestScore;
  return {
    party,
    applicable: true,
    level: { label: level.label, score: level.score },
    points,
    normalised: maxPoints > 0 ? points / maxPoints : 0,
    evidence,
    explanation: null,
    assessment: info,
  };
}

function unknownCell(party: string, assessment: CellAssessment | null): AssessedCell {
  return { party, applicable: true, level: null, points: null, normalised: null, evidence: [], explanation: null, notAssessed: true, assessment };
}

function toEvidence(event: SummitEvent): Evidence {
  const { id, date, type, title, location, sources } = event;
  return { event: id, date, type, ...(title !== undefined && { title }), ...(location && { location }), sources };
}
