// The bench matrix (bench/generate.mjs) written by hand as plain JavaScript over the loaded
// records: what a programmer would write for these 20 criteria, with the same semantics as the
// engine (links resolve through a map built once per record, deadlines as the engine judges them,
// as-of filtering, per-party and per-commitment scoring, weighted mean, bands and gates). The
// ceiling for any engine. It decides levels, the total and the verdict; it explains nothing.

const MS_PER_DAY = 86_400_000;
const dayOf = (text) => Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / MS_PER_DAY;
const DAY_2016 = dayOf('2016-01-01');
const POLITICAL = ['leaders', 'ministerial'];
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

/** Scores one loaded record (src/engine/types.ts CaseRecord) as of its last event. */
export function scoreByHand(record) {
  let asOfDay = record.day;
  for (const event of record.events) if (event.day > asOfDay) asOfDay = event.day;
  const events = record.events.filter((event) => event.day <= asOfDay);
  const byId = new Map();
  for (const event of events) byId.set(event.id, event);
  const linkedBy = { of: new Map(), fulfils: new Map(), breaches: new Map(), supersedes: new Map() };
  for (const event of events) {
    for (const kind in event.links) {
      for (const target of event.links[kind]) {
        const list = linkedBy[kind].get(target);
        if (list) list.push(event);
        else linkedBy[kind].set(target, [event]);
      }
    }
  }
  const targets = (event, kind) => {
    const out = [];
    for (const id of event.links[kind] ?? []) {
      const target = byId.get(id);
      if (target) out.push(target);
    }
    return out;
  };
  const sources = (event, kind) => linkedBy[kind].get(event.id) ?? [];
  const deadline = (event) => {
    const due = own(event.fields, 'deadline');
    if (typeof due !== 'string') return undefined;
    const dueDay = dayOf(due);
    let first = Infinity;
    for (const fulfilment of sources(event, 'fulfils')) first = Math.min(first, fulfilment.day);
    return first <= dueDay ? 'met' : first !== Infinity ? 'met-late' : asOfDay > dueDay ? 'missed' : 'pending';
  };
  const some = (test) => events.some(test);
  const count = (test) => {
    let n = 0;
    for (const event of events) if (test(event)) n++;
    return n;
  };
  const isMechanism = (event) => event.type === 'mechanism';
  const summit = record.day;

  const results = [];
  const add = (id, weight, levels, reached, applicable = true) => {
    const lowest = levels.at(-1);
    const max = levels[0] - lowest;
    results.push({ id, weight, applicable, level: reached, normalised: applicable ? (levels[reached] - lowest) / max : null });
  };

  // negotiation (gates: above promise requires initiated, above gesture requires defined)
  const negotiation = some((e) => e.type === 'meeting' && targets(e, 'of').some((m) => m.type === 'mechanism' && POLITICAL.includes(own(m.fields, 'level'))))
    ? 0
    : some(isMechanism) ? 1 : 2;
  add('negotiation', 4, [2, 1, 0], negotiation);
  // mechanism-level
  add('mechanism-level', 3, [3, 2, 1, 0],
    some((e) => isMechanism(e) && POLITICAL.includes(own(e.fields, 'level'))) ? 0
    : some((e) => isMechanism(e) && own(e.fields, 'level') === 'senior-officials') ? 1
    : some(isMechanism) ? 2 : 3);
  // participation
  if (some((e) => isMechanism(e) && present(own(e.fields, 'participation')))) {
    const part = (value) => some((e) => isMechanism(e) && own(e.fields, 'participation') === value);
    add('participation', 1, [1, 0], part('civil-military') || (part('civil') && part('military')) ? 0 : 1);
  } else add('participation', 1, [1, 0], -1, false);
  // open-ended
  if (some((e) => isMechanism(e) && present(own(e.fields, 'openEnded')))) {
    add('open-ended', 1, [1, 0], some((e) => isMechanism(e) && own(e.fields, 'openEnded') === true) ? 0 : 1);
  } else add('open-ended', 1, [1, 0], -1, false);
  // deadlines
  if (some((e) => present(own(e.fields, 'deadline')))) {
    const states = new Set();
    for (const event of events) {
      const state = deadline(event);
      if (state) states.add(state);
    }
    const level =
      states.has('met') && !states.has('met-late') && !states.has('missed') && !states.has('pending') ? 0
      : states.has('met-late') && !states.has('missed') && !states.has('pending') ? 1
      : states.has('pending') && !states.has('missed') ? 2 : 3;
    add('deadlines', 2, [3, 2, 1, 0], level);
  } else add('deadlines', 2, [3, 2, 1, 0], -1, false);
  // cadence
  const meetingsOf = (mechanism, test) => sources(mechanism, 'of').filter(test).length;
  add('cadence', 2, [2, 1, 0],
    some((e) => isMechanism(e) && meetingsOf(e, (m) => m.type === 'meeting' && m.day >= summit && m.day - summit <= 365) >= 2) ? 0
    : some((e) => isMechanism(e) && meetingsOf(e, (m) => m.type === 'meeting') >= 1) ? 1 : 2);
  // follow-up-speed
  add('follow-up-speed', 1, [2, 1, 0],
    some((e) => e.type === 'meeting' && e.day >= summit && e.day - summit <= 90) ? 0
    : some((e) => e.type === 'meeting' && e.day < DAY_2016 && e.day > summit) ? 1 : 2);
  // topics
  const commitmentOn = (topic) => some((e) => e.type === 'commitment' && containsItem(own(e.fields, 'topics'), topic));
  const broad = [commitmentOn('cybercrime'), commitmentOn('ip-theft'), commitmentOn('norms'), commitmentOn('critical-infrastructure')].filter(Boolean).length >= 3;
  add('topics', 1, [2, 1, 0],
    broad ? 0 : count((e) => (e.type === 'commitment' || e.type === 'statement') && containsItem(own(e.fields, 'topics'), 'norms')) >= 2 ? 1 : 2);
  // hotline
  add('hotline', 1, [2, 1, 0],
    some((e) => e.type === 'hotline' && targets(e, 'fulfils').some((t) => t.type === 'hotline' || t.type === 'commitment')) ? 0
    : some((e) => e.type === 'hotline') ? 1 : 2);
  // breaches
  const governmentalAccusation = (e) => e.type === 'accusation' && own(e.fields, 'governmental') === true;
  add('breaches', 2, [2, 1, 0],
    !some((e) => governmentalAccusation(e) && targets(e, 'breaches').length > 0) ? 0
    : count(governmentalAccusation) <= 3 ? 1 : 2);
  // survival
  add('survival', 2, [2, 1, 0],
    !some((e) => e.type === 'suspension') ? 0
    : some((e) => isMechanism(e) && targets(e, 'supersedes').some(isMechanism) && targets(e, 'supersedes').some((t) => e.day > t.day)) ? 1 : 2);
  // reports
  add('reports', 1, [2, 1, 0],
    some((e) => e.type === 'report' && own(e.fields, 'governmental') === true && targets(e, 'fulfils').some((t) => e.day > t.day)) ? 0
    : some((e) => e.type === 'report' && targets(e, 'fulfils').length > 0 && e.day < asOfDay) ? 1 : 2);
  // exercises
  const scale = (e) => {
    const value = own(e.fields, 'scale');
    return typeof value === 'number' ? value : undefined;
  };
  add('exercises', 1, [3, 2, 1, 0],
    some((e) => e.type === 'exercise' && scale(e) >= 4) ? 0
    : some((e) => e.type === 'exercise' && scale(e) > 2 && scale(e) <= 3) ? 1
    : some((e) => e.type === 'exercise' && scale(e) < 3) ? 2 : 3);
  // meetings
  const political = count((e) => e.type === 'meeting' && POLITICAL.includes(own(e.fields, 'level')));
  add('meetings', 1, [2, 1, 0], political >= 5 ? 0 : political >= 1 ? 1 : 2);
  // chairs
  add('chairs', 0, [1, 0],
    some((e) => {
      if (!isMechanism(e)) return false;
      const chairs = own(e.fields, 'chairs');
      return chairs !== null && typeof chairs === 'object' && !Array.isArray(chairs) && present(own(chairs, 'US'));
    }) ? 0 : 1);
  // dated
  add('dated', 1, [1, 0], some((e) => e.date >= '2014-01-01' && typeof e.title === 'string' && e.title.includes('dialogue')) ? 0 : 1);
  // endorsements
  add('endorsements', 1, [1, 0], !some((e) => e.type === 'endorsement' && own(e.fields, 'subject') === 'code-of-conduct') ? 0 : 1);
  // breached-commitments
  add('breached-commitments', 1, [2, 1, 0],
    !some((e) => e.type === 'commitment' && sources(e, 'breaches').some((b) => { const s = own(b.fields, 'severity'); return typeof s === 'number' && s >= 4; })) ? 0
    : !some((e) => e.type === 'commitment' && sources(e, 'breaches').length >= 3) ? 1 : 2);
  // party-compliance: one cell per party, the criterion scores their mean
  const cells = record.parties.map((party) => {
    if (!some((e) => holdsParty(e.actors, party))) return { party, applicable: false, level: -1 };
    const full =
      some((e) => holdsParty(e.actors, party) && e.type === 'report' && targets(e, 'fulfils').some((t) => t.type === 'commitment')) &&
      !some((e) => { const s = own(e.fields, 'severity'); return e.type === 'accusation' && holdsParty(own(e.fields, 'accused'), party) && typeof s === 'number' && s >= 3; });
    const level = full ? 0 : some((e) => holdsParty(e.actors, party) && (e.type === 'meeting' || e.type === 'report')) ? 1 : 2;
    return { party, applicable: true, level, normalised: [1, 0.5, 0][level] };
  });
  const applicableCells = cells.filter((cell) => cell.applicable);
  results.push({
    id: 'party-compliance',
    weight: 2,
    applicable: applicableCells.length > 0,
    level: -1,
    parties: cells,
    normalised: applicableCells.length > 0 ? applicableCells.reduce((sum, cell) => sum + cell.normalised, 0) / applicableCells.length : null,
  });
  // commitment-kept: one result per dated commitment of the summit
  for (const subject of events) {
    if (!(subject.type === 'commitment' && present(own(subject.fields, 'deadline')) && !(subject.day > summit))) continue;
    const fulfils = (e) => targets(e, 'fulfils').some((t) => t.id === subject.id);
    const level = some((e) => fulfils(e) && !(own(e.fields, 'extent') === 'partial')) ? 0 : some(fulfils) ? 1 : 2;
    add(`commitment-kept/${subject.id}`, 1, [2, 1, 0], level);
  }

  let weightTotal = 0;
  for (const result of results) if (result.applicable) weightTotal += result.weight;
  let total = 0;
  for (const result of results) if (result.applicable && weightTotal > 0) total += (100 * result.weight * result.normalised) / weightTotal;
  const score = weightTotal > 0 ? Math.round(total * 1e6) / 1e6 : null;
  const bandIndex = score === null ? -1 : BANDS.findIndex((band) => score >= band.min);
  let verdictIndex = bandIndex;
  if (negotiation > 0) verdictIndex = Math.max(verdictIndex, 1); // initiated is needed above promise
  if (negotiation > 1) verdictIndex = Math.max(verdictIndex, 2); // defined is needed above gesture
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
