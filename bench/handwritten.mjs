// The bench matrix (bench/generate.mjs) written by hand as plain JavaScript over the loaded
// records: what a programmer would write for these 20 criteria, with the same semantics as the
// engine (links resolve through a map built once per record, deadlines as the engine judges them,
// as-of filtering, per-party and per-commitment scoring, weighted mean, bands and gates). The
// ceiling for any engine. It decides levels, the total and the verdict; it explains nothing.

const MS_PER_DAY = 86_400_000;
const dayOf = (text) => Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / MS_PER_DAY;
const DAY_2016 = dayOf('2016-01-01');
const BANDS = [
  { label: 'progress', min: 70 },
  { label: 'promise', min: 45 },
  { label: 'gesture', min: 20 },
  { label: 'concession', min: 0 },
];

const own = (fields, key) => (Object.hasOwn(fields, key) ? fields[key] : undefined);
const present = (value) => value !== undefined && value !== null;
const holdsParty = (value, party) => (Array.isArray(value) ? value.includes(party) : value === party);
const containsItem = (value, item) => (Array.isArray(value) ? value.includes(item) : typeof value === 'string' && value.includes(item));
const isPolitical = (level) => level === 'leaders' || level === 'ministerial';
const NONE = Object.freeze([]);
const LINK_KINDS = ['of', 'fulfils', 'breaches', 'supersedes'];
// Tests on a linked event, made once rather than at every call.
const always = () => true;
const isMechanism = (event) => event.type === 'mechanism';
const isCommitment = (event) => event.type === 'commitment';
const isHotlineOrCommitment = (event) => event.type === 'hotline' || event.type === 'commitment';
const isPoliticalMechanism = (event) => event.type === 'mechanism' && isPolitical(own(event.fields, 'level'));

/**
 * Scores one loaded record (src/engine/types.ts CaseRecord) as of its last event. One pass
 * builds the index a careful programmer would: events by type and by id, and for each link kind
 * the events linking to each event; every criterion then reads only the events of its types.
 */
export function scoreByHand(record) {
  let asOfDay = record.day;
  for (const event of record.events) if (event.day > asOfDay) asOfDay = event.day;
  const byId = new Map();
  const byType = new Map();
  const linkedBy = { of: new Map(), fulfils: new Map(), breaches: new Map(), supersedes: new Map() };
  const events = [];
  for (const event of record.events) {
    if (event.day > asOfDay) continue;
    events.push(event);
    byId.set(event.id, event);
    const list = byType.get(event.type);
    if (list) list.push(event);
    else byType.set(event.type, [event]);
  }
  for (const event of events) {
    for (const kind of LINK_KINDS) {
      const targets = event.links[kind];
      if (targets === undefined) continue;
      for (const target of targets) {
        const list = linkedBy[kind].get(target);
        if (list) list.push(event);
        else linkedBy[kind].set(target, [event]);
      }
    }
  }
  const ofType = (type) => byType.get(type) ?? NONE;
  const mechanisms = ofType('mechanism');
  const meetings = ofType('meeting');
  const commitments = ofType('commitment');
  const reports = ofType('report');
  const accusations = ofType('accusation');
  const hotlines = ofType('hotline');
  const exercises = ofType('exercise');
  const sources = (event, kind) => linkedBy[kind].get(event.id) ?? NONE;
  /** Whether some target of the event's `kind` links passes the test. */
  const linksTo = (event, kind, test) => {
    const targets = event.links[kind];
    if (targets === undefined) return false;
    for (const id of targets) {
      const target = byId.get(id);
      if (target !== undefined && test(target)) return true;
    }
    return false;
  };
  const hasTarget = (event, kind) => linksTo(event, kind, always);
  const summit = record.day;

  const results = [];
  const add = (id, weight, levels, reached, applicable = true) => {
    const lowest = levels[levels.length - 1];
    const max = levels[0] - lowest;
    results.push({ id, weight, applicable, level: reached, normalised: applicable ? (levels[reached] - lowest) / max : null });
  };

  // One pass over the mechanisms for every criterion that reads them.
  let politicalMechanism = false;
  let seniorMechanism = false;
  let anyParticipation = false;
  let civilMilitary = false;
  let civil = false;
  let military = false;
  let anyOpenEnded = false;
  let openEnded = false;
  let chaired = false;
  let replaced = false;
  let kept = false;
  let metOnce = false;
  for (const m of mechanisms) {
    const fields = m.fields;
    const level = own(fields, 'level');
    if (isPolitical(level)) politicalMechanism = true;
    else if (level === 'senior-officials') seniorMechanism = true;
    const participation = own(fields, 'participation');
    if (present(participation)) {
      anyParticipation = true;
      if (participation === 'civil-military') civilMilitary = true;
      else if (participation === 'civil') civil = true;
      else if (participation === 'military') military = true;
    }
    const open = own(fields, 'openEnded');
    if (present(open)) {
      anyOpenEnded = true;
      if (open === true) openEnded = true;
    }
    const chairs = own(fields, 'chairs');
    if (chairs !== null && typeof chairs === 'object' && !Array.isArray(chairs) && present(own(chairs, 'US'))) chaired = true;
    if (!replaced && linksTo(m, 'supersedes', isMechanism) && linksTo(m, 'supersedes', (t) => m.day > t.day)) replaced = true;
    let soon = 0;
    let any = 0;
    for (const source of sources(m, 'of')) {
      if (source.type !== 'meeting') continue;
      any++;
      if (source.day >= summit && source.day - summit <= 365) soon++;
    }
    if (soon >= 2) kept = true;
    if (any >= 1) metOnce = true;
  }

  // negotiation (gates: above promise requires initiated, above gesture requires defined)
  let initiated = false;
  for (const e of meetings) {
    if (linksTo(e, 'of', isPoliticalMechanism)) {
      initiated = true;
      break;
    }
  }
  const negotiation = initiated ? 0 : mechanisms.length > 0 ? 1 : 2;
  add('negotiation', 4, [2, 1, 0], negotiation);
  add('mechanism-level', 3, [3, 2, 1, 0], politicalMechanism ? 0 : seniorMechanism ? 1 : mechanisms.length > 0 ? 2 : 3);
  if (anyParticipation) add('participation', 1, [1, 0], civilMilitary || (civil && military) ? 0 : 1);
  else add('participation', 1, [1, 0], -1, false);
  if (anyOpenEnded) add('open-ended', 1, [1, 0], openEnded ? 0 : 1);
  else add('open-ended', 1, [1, 0], -1, false);

  // deadlines: the state of every event with a deadline (any type can carry one)
  let anyDeadline = false;
  let met = false;
  let metLate = false;
  let missed = false;
  let pending = false;
  for (const event of events) {
    const due = own(event.fields, 'deadline');
    if (!present(due)) continue;
    anyDeadline = true;
    if (typeof due !== 'string') continue;
    const dueDay = dayOf(due);
    let first = Infinity;
    for (const fulfilment of sources(event, 'fulfils')) if (fulfilment.day < first) first = fulfilment.day;
    if (first <= dueDay) met = true;
    else if (first !== Infinity) metLate = true;
    else if (asOfDay > dueDay) missed = true;
    else pending = true;
  }
  if (anyDeadline) {
    const level = met && !metLate && !missed && !pending ? 0 : metLate && !missed && !pending ? 1 : pending && !missed ? 2 : 3;
    add('deadlines', 2, [3, 2, 1, 0], level);
  } else add('deadlines', 2, [3, 2, 1, 0], -1, false);
  add('cadence', 2, [2, 1, 0], kept ? 0 : metOnce ? 1 : 2);

  // follow-up-speed and meetings: one pass over the meetings
  let within90 = false;
  let before2016 = false;
  let politicalMeetings = 0;
  for (const e of meetings) {
    if (e.day >= summit && e.day - summit <= 90) within90 = true;
    if (e.day < DAY_2016 && e.day > summit) before2016 = true;
    if (isPolitical(own(e.fields, 'level'))) politicalMeetings++;
  }
  add('follow-up-speed', 1, [2, 1, 0], within90 ? 0 : before2016 ? 1 : 2);

  // topics
  let cybercrime = false;
  let ipTheft = false;
  let norms = false;
  let infrastructure = false;
  let normsCount = 0;
  for (const e of commitments) {
    const topics = own(e.fields, 'topics');
    if (containsItem(topics, 'cybercrime')) cybercrime = true;
    if (containsItem(topics, 'ip-theft')) ipTheft = true;
    if (containsItem(topics, 'norms')) {
      norms = true;
      normsCount++;
    }
    if (containsItem(topics, 'critical-infrastructure')) infrastructure = true;
  }
  for (const e of ofType('statement')) if (containsItem(own(e.fields, 'topics'), 'norms')) normsCount++;
  const broad = Number(cybercrime) + Number(ipTheft) + Number(norms) + Number(infrastructure) >= 3;
  add('topics', 1, [2, 1, 0], broad ? 0 : normsCount >= 2 ? 1 : 2);

  // hotline
  let launched = false;
  for (const e of hotlines) {
    if (linksTo(e, 'fulfils', isHotlineOrCommitment)) {
      launched = true;
      break;
    }
  }
  add('hotline', 1, [2, 1, 0], launched ? 0 : hotlines.length > 0 ? 1 : 2);

  // breaches
  let governmentalAccusations = 0;
  let governmentalBreach = false;
  for (const e of accusations) {
    if (own(e.fields, 'governmental') !== true) continue;
    governmentalAccusations++;
    if (hasTarget(e, 'breaches')) governmentalBreach = true;
  }
  add('breaches', 2, [2, 1, 0], !governmentalBreach ? 0 : governmentalAccusations <= 3 ? 1 : 2);
  add('survival', 2, [2, 1, 0], ofType('suspension').length === 0 ? 0 : replaced ? 1 : 2);

  // reports
  let governmentalReport = false;
  let anyReport = false;
  for (const e of reports) {
    if (!governmentalReport && own(e.fields, 'governmental') === true && linksTo(e, 'fulfils', (t) => e.day > t.day)) governmentalReport = true;
    if (!anyReport && e.day < asOfDay && hasTarget(e, 'fulfils')) anyReport = true;
  }
  add('reports', 1, [2, 1, 0], governmentalReport ? 0 : anyReport ? 1 : 2);

  // exercises
  let large = false;
  let medium = false;
  let small = false;
  for (const e of exercises) {
    const scale = own(e.fields, 'scale');
    if (typeof scale !== 'number') continue;
    if (scale >= 4) large = true;
    if (scale > 2 && scale <= 3) medium = true;
    if (scale < 3) small = true;
  }
  add('exercises', 1, [3, 2, 1, 0], large ? 0 : medium ? 1 : small ? 2 : 3);
  add('meetings', 1, [2, 1, 0], politicalMeetings >= 5 ? 0 : politicalMeetings >= 1 ? 1 : 2);
  add('chairs', 0, [1, 0], chaired ? 0 : 1);

  // dated: any event type
  let dated = false;
  for (const e of events) {
    if (e.date >= '2014-01-01' && typeof e.title === 'string' && e.title.includes('dialogue')) {
      dated = true;
      break;
    }
  }
  add('dated', 1, [1, 0], dated ? 0 : 1);
  let endorsed = false;
  for (const e of ofType('endorsement')) if (own(e.fields, 'subject') === 'code-of-conduct') endorsed = true;
  add('endorsements', 1, [1, 0], endorsed ? 1 : 0);

  // breached-commitments
  let severeBreach = false;
  let repeated = false;
  for (const e of commitments) {
    const breaches = sources(e, 'breaches');
    if (breaches.length >= 3) repeated = true;
    for (const b of breaches) {
      const severity = own(b.fields, 'severity');
      if (typeof severity === 'number' && severity >= 4) severeBreach = true;
    }
  }
  add('breached-commitments', 1, [2, 1, 0], !severeBreach ? 0 : !repeated ? 1 : 2);

  // party-compliance: one cell per party, the criterion scores their mean
  const cells = [];
  let applicableCount = 0;
  let normalisedSum = 0;
  for (const party of record.parties) {
    let acts = false;
    let fulfilling = false;
    let active = false;
    for (const e of events) {
      if (!holdsParty(e.actors, party)) continue;
      acts = true;
      if (e.type === 'report') {
        active = true;
        if (!fulfilling && linksTo(e, 'fulfils', isCommitment)) fulfilling = true;
      } else if (e.type === 'meeting') active = true;
    }
    if (!acts) {
      cells.push({ party, applicable: false, level: -1 });
      continue;
    }
    let accused = false;
    for (const e of accusations) {
      const severity = own(e.fields, 'severity');
      if (typeof severity === 'number' && severity >= 3 && holdsParty(own(e.fields, 'accused'), party)) {
        accused = true;
        break;
      }
    }
    const level = fulfilling && !accused ? 0 : active ? 1 : 2;
    const normalised = level === 0 ? 1 : level === 1 ? 0.5 : 0;
    cells.push({ party, applicable: true, level, normalised });
    applicableCount++;
    normalisedSum += normalised;
  }
  results.push({
    id: 'party-compliance',
    weight: 2,
    applicable: applicableCount > 0,
    level: -1,
    parties: cells,
    normalised: applicableCount > 0 ? normalisedSum / applicableCount : null,
  });

  // commitment-kept: one result per dated commitment of the summit, from the events fulfilling it
  for (const subject of commitments) {
    if (!present(own(subject.fields, 'deadline')) || subject.day > summit) continue;
    let full = false;
    let any = false;
    for (const e of sources(subject, 'fulfils')) {
      any = true;
      if (own(e.fields, 'extent') !== 'partial') full = true;
    }
    add(`commitment-kept/${subject.id}`, 1, [2, 1, 0], full ? 0 : any ? 1 : 2);
  }

  let weightTotal = 0;
  for (const result of results) if (result.applicable) weightTotal += result.weight;
  let total = 0;
  for (const result of results) if (result.applicable && weightTotal > 0) total += (100 * result.weight * result.normalised) / weightTotal;
  const score = weightTotal > 0 ? Math.round(total * 1e6) / 1e6 : null;
  let bandIndex = -1;
  if (score !== null) for (bandIndex = 0; score < BANDS[bandIndex].min; bandIndex++);
  let verdictIndex = bandIndex;
  if (negotiation > 0 && verdictIndex < 1) verdictIndex = 1; // initiated is needed above promise
  if (negotiation > 1 && verdictIndex < 2) verdictIndex = 2; // defined is needed above gesture
  return { results, score, verdict: score === null ? null : BANDS[verdictIndex].label };
}

/** The levels, by result id, as `id=label` (per-party: `id@PARTY=label`), to compare with the engine's. */
const LABELS = {
  negotiation: ['initiated', 'defined', 'absent'],
  'mechanism-level': ['political', 'senior-officials', 'any', 'none'],
  participation: ['civil-military', 'single-track'],
  'open-ended': ['open-ended', 'time-bound'],
  deadlines: ['met', 'met-late', 'pending', 'missed'],
  cadence: ['kept', 'met', 'never-met'],
  'follow-up-speed': ['within-90-days', 'before-2016', 'later'],
  topics: ['broad', 'some-norms', 'narrow'],
  hotline: ['launched', 'agreed', 'none'],
  breaches: ['clean', 'few', 'many'],
  survival: ['never-suspended', 'replaced', 'suspended'],
  reports: ['governmental', 'any', 'none'],
  exercises: ['large', 'medium', 'small', 'none'],
  meetings: ['frequent', 'some', 'none'],
  chairs: ['chaired', 'unchaired'],
  dated: ['late-follow-up', 'none'],
  endorsements: ['none', 'endorsed'],
  'breached-commitments': ['unbreached', 'once', 'repeatedly'],
  'party-compliance': ['full', 'partial', 'none'],
  'commitment-kept': ['kept', 'partly', 'not-kept'],
};

export function handSignature(scored) {
  const parts = scored.results.map((result) => {
    const labels = LABELS[result.id.split('/')[0]];
    if (result.parties) return result.parties.map((cell) => `${result.id}@${cell.party}=${cell.applicable ? labels[cell.level] : 'n/a'}`).join(' ');
    return `${result.id}=${result.applicable ? labels[result.level] : 'n/a'}`;
  });
  return `${parts.join(' ')} score=${scored.score} verdict=${scored.verdict}`;
}

/** The same signature from the engine's CaseResult. */
export function engineSignature(result) {
  const parts = result.criteria.map((criterion) => {
    if (criterion.parties) return criterion.parties.map((cell) => `${criterion.id}@${cell.party}=${cell.applicable ? cell.level.label : 'n/a'}`).join(' ');
    return `${criterion.id}=${criterion.applicable ? criterion.level.label : 'n/a'}`;
  });
  return `${parts.join(' ')} score=${result.score} verdict=${result.verdict}`;
}
