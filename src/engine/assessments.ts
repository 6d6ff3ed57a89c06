import type { CompiledCriterion } from './compiled-matrix.js';
import { eventOrder, type RecordIndex } from './record-index.js';
import type { AssessedScore, SummitEvent } from './types.js';
import type { CellAssessment, Evidence, LevelRange, LevelRef, PartyCell } from './results.js';
import type { Interval } from './score.js';
import type { UnknownFact } from './unknowns.js';

/** Assessments by the criterion they name ('' for none), then by commitment, then by member. */
type ByCommitment<T> = Map<string, Map<string, T>>;

interface AssessmentIndex {
  /** Criterion -> commitment -> member -> the assessments known by the as-of date, in record order. */
  readonly known: ByCommitment<Map<string, SummitEvent[]>>;
  /** Criterion -> the commitments any assessment in the record is about, known by the as-of date or not. */
  readonly underAssessment: Map<string, Set<string>>;
}

const cache = new WeakMap<RecordIndex['cache'], AssessmentIndex | null>();

/** One pass over the record, on the first cell that asks; null when the record has no assessment. No key strings built per event. */
function assessmentIndex(index: RecordIndex): AssessmentIndex | null {
  let built = cache.get(index.cache);
  if (built !== undefined) return built;
  built = null;
  for (const event of index.record.events) {
    const assessment = event.assessment;
    if (!assessment) continue;
    built ??= { known: new Map(), underAssessment: new Map() };
    const criterion = assessment.criterion ?? '';
    let commitments = built.underAssessment.get(criterion);
    if (!commitments) built.underAssessment.set(criterion, (commitments = new Set()));
    commitments.add(assessment.commitment);
  }
  if (built) {
    for (const event of index.events) {
      const assessment = event.assessment;
      if (!assessment) continue;
      const criterion = assessment.criterion ?? '';
      let byCommitment = built.known.get(criterion);
      if (!byCommitment) built.known.set(criterion, (byCommitment = new Map<string, Map<string, SummitEvent[]>>()));
      let byMember = byCommitment.get(assessment.commitment);
      if (!byMember) byCommitment.set(assessment.commitment, (byMember = new Map<string, SummitEvent[]>()));
      const list = byMember.get(assessment.member);
      if (list) list.push(event);
      else byMember.set(assessment.member, [event]);
    }
  }
  cache.set(index.cache, built);
  return built;
}

/** What every cell of one criterion shares, worked out once per criterion: its level references and the unknown range. */
interface Scale {
  readonly byScore: ReadonlyMap<
    number,
    { readonly level: LevelRef; readonly range: LevelRange; readonly points: number; readonly normalised: number; readonly normalisedRange: Interval }
  >;
  readonly unknownRange: LevelRange;
}

const scales = new WeakMap<CompiledCriterion, Scale>();

function scaleOf(entry: CompiledCriterion): Scale {
  let scale = scales.get(entry);
  if (scale) return scale;
  const levels = entry.criterion.levels;
  const ref = (level: (typeof levels)[number]): LevelRef => ({ label: level.label, score: level.score });
  const maxPoints = entry.highestScore - entry.lowestScore;
  const byScore = new Map<number, { level: LevelRef; range: LevelRange; points: number; normalised: number; normalisedRange: Interval }>();
  for (const level of levels) {
    if (byScore.has(level.score)) continue;
    const levelRef = ref(level);
    const points = level.score - entry.lowestScore;
    const normalised = maxPoints > 0 ? points / maxPoints : 0;
    byScore.set(level.score, {
      level: levelRef,
      range: { low: levelRef, high: levelRef },
      points,
      normalised,
      normalisedRange: { low: normalised, high: normalised },
    });
  }
  scales.set(entry, (scale = { byScore, unknownRange: { low: ref(levels.at(-1)!), high: ref(levels[0]!) } }));
  return scale;
}

const NO_FACTS: readonly UnknownFact[] = [];
const NO_EVENTS: readonly SummitEvent[] = [];
const NONE_SUPERSEDED: readonly string[] = [];
const NO_EVENTS_EVIDENCE: readonly Evidence[] = [];

/** Null when no assessment in the record is about this commitment; else its assessments naming this criterion, and those naming none, by member. */
function commitmentLookup(entry: CompiledCriterion, index: RecordIndex, subject: SummitEvent) {
  const assessments = assessmentIndex(index);
  if (!assessments) return null;
  const own = entry.criterion.id;
  const under = (criterion: string) => assessments.underAssessment.get(criterion)?.has(subject.id) === true;
  if (!under(own) && !under('')) return null;
  return { own: assessments.known.get(own)?.get(subject.id), any: assessments.known.get('')?.get(subject.id) };
}

/**
 * The cells of `parties` for the commitment the scope is about, as assessments state them;
 * undefined when no assessment in the record is about this commitment, so the matrix derives the
 * cells from events. Once a commitment is assessed, a member nobody assessed (yet, at the as-of
 * date) is unknown anywhere on the criterion's scale, never the lowest level; a later assessment
 * of a cell supersedes an earlier one.
 */
export function assessedCells(entry: CompiledCriterion, index: RecordIndex, parties: readonly string[]): PartyCell[] | undefined {
  const subject = index.subject;
  if (!subject) return undefined;
  const lookup = commitmentLookup(entry, index, subject);
  if (!lookup) return undefined;
  return parties.map((party) => assessedCell(entry, index, subject, party, lookup.own?.get(party) ?? NO_EVENTS, lookup.any?.get(party) ?? NO_EVENTS));
}

/**
 * One member's cell from its assessments (`mine` name the criterion, `general` none). Every cell
 * is built in one shape (object literals, no spreads): a record of assessments has a cell per
 * member and commitment, tens of thousands of them.
 */
function assessedCell(
  entry: CompiledCriterion,
  index: RecordIndex,
  subject: SummitEvent,
  party: string,
  mine: readonly SummitEvent[],
  general: readonly SummitEvent[],
): PartyCell {
  const criterion = entry.criterion;
  const found = general.length === 0 ? mine : mine.length === 0 ? general : [...mine, ...general];
  if (found.length === 0) return unknownCell(entry, subject.id, party, NO_EVENTS_EVIDENCE, null);

  let counted = found[0]!;
  let ordered: readonly SummitEvent[] = found;
  if (found.length > 1) {
    const order = eventOrder(index);
    ordered = [...found].sort((a, b) => a.day - b.day || order.get(a)! - order.get(b)!);
    counted = ordered[ordered.length - 1]!;
  }
  const byWindow: Record<string, AssessedScore> = {};
  for (const event of ordered) if (event.assessment!.window !== undefined) byWindow[event.assessment!.window] = event.assessment!.score;
  const { score } = counted.assessment!;
  const known = typeof score === 'number' ? scaleOf(entry).byScore.get(score) : undefined;
  const problem =
    typeof score === 'number' && !known
      ? `score ${score} is not on the scale of criterion ${criterion.id} (${criterion.levels.map((l) => l.score).join(', ')})`
      : null;
  const info: CellAssessment = {
    event: counted.id,
    date: counted.date,
    score,
    assessor: counted.assessment!.assessor ?? null,
    window: counted.assessment!.window ?? null,
    rationale: counted.assessment!.rationale ?? null,
    superseded:
      ordered.length === 1
        ? NONE_SUPERSEDED
        : ordered
            .slice(0, -1)
            .reverse()
            .map((event) => event.id),
    byWindow,
    problem,
  };
  const evidence: Evidence[] = [toEvidence(counted)];
  if (score === 'not-applicable') {
    return {
      party,
      applicable: false,
      level: null,
      levelRange: null,
      points: null,
      normalised: null,
      normalisedRange: null,
      evidence,
      explanation: null,
      unknown: NO_FACTS,
      notAssessed: undefined,
      assessment: info,
    };
  }
  if (!known) return unknownCell(entry, subject.id, party, evidence, info);
  return {
    party,
    applicable: true,
    level: known.level,
    levelRange: known.range,
    points: known.points,
    normalised: known.normalised,
    normalisedRange: known.normalisedRange,
    evidence,
    explanation: null,
    unknown: NO_FACTS,
    notAssessed: undefined,
    assessment: info,
  };
}

/** An applicable cell nobody assessed (or whose score cannot count): anywhere on the criterion's scale, the fact named. */
function unknownCell(entry: CompiledCriterion, commitment: string, party: string, evidence: readonly Evidence[], assessment: CellAssessment | null): PartyCell {
  const fact: UnknownFact = { event: commitment, field: 'assessment', reason: 'not-assessed', path: entry.criterion.id };
  return {
    party,
    applicable: true,
    level: null,
    levelRange: scaleOf(entry).unknownRange,
    points: null,
    normalised: null,
    normalisedRange: { low: 0, high: 1 },
    evidence,
    explanation: null,
    unknown: [fact],
    notAssessed: true,
    assessment,
  };
}

// One shape per kind of event (with or without a title and a location), as evaluate's evidence.
function toEvidence(event: SummitEvent): Evidence {
  const { id, date, type, title, location, sources } = event;
  if (title !== undefined) return location ? { event: id, date, type, title, location, sources } : { event: id, date, type, title, sources };
  return location ? { event: id, date, type, location, sources } : { event: id, date, type, sources };
}
