// Deterministic bench data: a 20-criterion matrix that uses every kind of condition, and NDJSON
// files of N records x M events with the fields, links and sources real records have. The same
// seed always writes the same bytes. Used by bench/bench.mjs; runnable alone:
//   node bench/generate.mjs DIR [records] [events]
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../dist/engine/random.js';

/** The engine's own seeded generator (mulberry32), as a function giving uniform numbers in [0, 1). */
export function seeded(seed) {
  const random = createRandom(seed);
  return () => random.next();
}

const PARTIES = ['US', 'CN', 'RU', 'UK', 'FR', 'DE', 'JP', 'IN'];
const LEVELS = ['leaders', 'ministerial', 'senior-officials', 'expert', 'working'];
const PARTICIPATION = ['civil', 'military', 'civil-military'];
const CADENCES = ['twice-yearly', 'annual', 'quarterly', 'monthly', 'as-needed'];
const TOPICS = [
  'ip-theft',
  'espionage',
  'cybercrime',
  'norms',
  'critical-infrastructure',
  'cyber-intrusions',
  'law-enforcement',
  'trade',
  'security',
  'ai-safety',
];
const PUBLISHERS = ['Reuters', 'Associated Press', 'The White House', 'Ministry of Foreign Affairs', 'CSIS', 'Brookings', 'Xinhua', 'The Guardian'];
const TITLE_WORDS = [
  'joint',
  'dialogue',
  'cyber',
  'security',
  'working',
  'group',
  'statement',
  'on',
  'the',
  'first',
  'high-level',
  'meeting',
  'of',
  'experts',
  'norms',
  'cooperation',
  'agreement',
  'report',
  'review',
  'hotline',
];
const MS_PER_DAY = 86_400_000;

const pick = (random, list) => list[Math.floor(random() * list.length)];
const dateOf = (day) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const pad = (n, width) => String(n).padStart(width, '0');

function title(random, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(pick(random, TITLE_WORDS));
  const text = out.join(' ');
  return text[0].toUpperCase() + text.slice(1);
}

function subset(random, list, min, max) {
  const count = min + Math.floor(random() * (max - min + 1));
  const out = [];
  for (const item of list) if (out.length < count && random() < 0.5) out.push(item);
  while (out.length < min) {
    const item = pick(random, list);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/**
 * One record: a summit and `eventCount` events over the following years. Mechanisms, the
 * commitments made at the summit, meetings `of` mechanisms, reports that `fulfil` commitments,
 * accusations that `breach` them, hotlines, exercises, statements and suspensions.
 */
export function makeRecord(random, index, eventCount) {
  const summitDay = Date.UTC(2010, 0, 1) / MS_PER_DAY + Math.floor(random() * 4000);
  const parties = subset(random, PARTIES, 2, 4);
  const events = [];
  const mechanisms = [];
  const commitments = [];
  const hotlines = [];
  for (let i = 0; i < eventCount; i++) {
    const id = `e${pad(i, 3)}`;
    // The first events are the summit's own outcomes; the rest follow over about five years.
    const day = i < 8 ? summitDay : summitDay + Math.floor(random() * 1800) + (i % 7);
    const roll = random();
    const type =
      i < 8
        ? i % 2 === 0
          ? 'commitment'
          : 'mechanism'
        : roll < 0.3
          ? 'meeting'
          : roll < 0.45
            ? 'report'
            : roll < 0.55
              ? 'statement'
              : roll < 0.65
                ? 'commitment'
                : roll < 0.73
                  ? 'accusation'
                  : roll < 0.8
                    ? 'mechanism'
                    : roll < 0.86
                      ? 'exercise'
                      : roll < 0.9
                        ? 'hotline'
                        : roll < 0.94
                          ? 'suspension'
                          : 'endorsement';
    const event = { id, date: dateOf(day), type, title: title(random, 4 + Math.floor(random() * 6)), actors: subset(random, parties, 1, parties.length) };
    const fields = {};
    const links = {};
    switch (type) {
      case 'mechanism':
        fields.level = pick(random, LEVELS);
        if (random() < 0.8) fields.participation = pick(random, PARTICIPATION);
        if (random() < 0.7) fields.openEnded = random() < 0.6;
        fields.cadence = pick(random, CADENCES);
        if (random() < 0.4) fields.chairs = { [parties[0]]: pick(random, LEVELS), [parties[1]]: pick(random, LEVELS) };
        if (mechanisms.length > 0 && random() < 0.15) links.supersedes = pick(random, mechanisms).id;
        mechanisms.push(event);
        break;
      case 'commitment':
        fields.topics = subset(random, TOPICS, 1, 3);
        fields.level = pick(random, LEVELS);
        if (random() < 0.6) fields.deadline = dateOf(day + 30 + Math.floor(random() * 400));
        commitments.push(event);
        break;
      case 'meeting':
        fields.level = pick(random, LEVELS);
        fields.outcomes = subset(random, ['communique', 'work-plan', 'hotline', 'exercise', 'none'], 0, 2);
        if (mechanisms.length > 0) links.of = pick(random, mechanisms).id;
        if (commitments.length > 0 && random() < 0.3) links.fulfils = pick(random, commitments).id;
        break;
      case 'report':
        fields.governmental = random() < 0.4;
        fields.by = pick(random, PUBLISHERS);
        if (random() < 0.5) fields.extent = random() < 0.5 ? 'partial' : 'full';
        if (commitments.length > 0 && random() < 0.7)
          links.fulfils = random() < 0.2 && commitments.length > 1 ? [commitments[0].id, pick(random, commitments.slice(1)).id] : pick(random, commitments).id;
        break;
      case 'accusation':
        fields.governmental = random() < 0.6;
        fields.severity = 1 + Math.floor(random() * 5);
        fields.accused = subset(random, parties, 1, 2);
        if (commitments.length > 0) links.breaches = pick(random, commitments).id;
        break;
      case 'exercise':
        fields.scale = 1 + Math.floor(random() * 5);
        if (mechanisms.length > 0) links.of = pick(random, mechanisms).id;
        break;
      case 'hotline':
        fields.level = pick(random, LEVELS);
        if (hotlines.length > 0 && random() < 0.5) links.fulfils = pick(random, hotlines).id;
        else if (commitments.length > 0 && random() < 0.5) links.fulfils = pick(random, commitments).id;
        hotlines.push(event);
        break;
      case 'suspension':
        fields.trigger = pick(random, ['indictment', 'sanctions', 'election', 'incident']);
        if (mechanisms.length > 0) links.of = pick(random, mechanisms).id;
        break;
      case 'statement':
        fields.by = pick(random, PUBLISHERS);
        fields.topics = subset(random, TOPICS, 1, 2);
        break;
      case 'endorsement':
        fields.subject = pick(random, ['un-gge-2015', 'code-of-conduct', 'g20-norms']);
        break;
    }
    if (Object.keys(fields).length > 0) event.fields = fields;
    if (Object.keys(links).length > 0) event.links = links;
    const sourceCount = random() < 0.1 ? 0 : random() < 0.8 ? 1 : 2;
    if (sourceCount > 0) {
      event.sources = [];
      for (let s = 0; s < sourceCount; s++) {
        const source = { url: `https://news.example.org/${pad(index, 6)}/${id}-${s}`, publisher: pick(random, PUBLISHERS), date: event.date };
        if (random() < 0.3) source.quote = title(random, 8 + Math.floor(random() * 8));
        if (random() < 0.1) source.verified = false;
        event.sources.push(source);
      }
    }
    events.push(event);
  }
  // Events are listed by date, as records are written.
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return {
    id: `case-${pad(index, 6)}`,
    title: `Summit ${pad(index, 6)}: ${parties.join('-')} on ${dateOf(summitDay)}`,
    date: dateOf(summitDay),
    parties,
    events,
  };
}

const MEMBERS = ['AR', 'AU', 'BR', 'CA', 'CN', 'FR', 'DE', 'IN', 'ID', 'IT', 'JP', 'KR', 'MX', 'RU', 'SA', 'ZA', 'TR', 'GB', 'US', 'EU', 'AFU'];

/**
 * A compliance record as the G7/G20 Research Group codes one (matrices/g20-compliance.yaml):
 * `commitments` commitments made at a summit by `members` members, and for each member and
 * commitment a report of its action (full or partial) or, now and then, an accusation of breach
 * or nothing at all. Every event cites a source.
 */
export function makeComplianceRecord(random, commitments, members) {
  const parties = MEMBERS.slice(0, members);
  const summitDay = Date.UTC(2024, 10, 18) / MS_PER_DAY;
  const events = [];
  const cite = (id, day) => [{ url: `https://compliance.example.org/2024/${id}`, publisher: pick(random, PUBLISHERS), date: dateOf(day) }];
  for (let c = 0; c < commitments; c++) {
    const id = `c${pad(c, 4)}`;
    events.push({
      id,
      date: dateOf(summitDay),
      type: 'commitment',
      title: title(random, 6 + Math.floor(random() * 6)),
      actors: parties,
      fields: { topics: subset(random, TOPICS, 1, 2) },
      sources: cite(id, summitDay),
    });
    for (const party of parties) {
      const roll = random();
      const day = summitDay + 10 + Math.floor(random() * 300);
      const eventId = `${id}-${party.toLowerCase()}`;
      if (roll < 0.8) {
        const fields = random() < 0.3 ? { extent: 'partial', by: pick(random, PUBLISHERS) } : { by: pick(random, PUBLISHERS) };
        events.push({
          id: eventId,
          date: dateOf(day),
          type: 'report',
          title: title(random, 5),
          actors: [party],
          fields,
          links: { fulfils: id },
          sources: cite(eventId, day),
        });
      } else if (roll < 0.88) {
        events.push({
          id: eventId,
          date: dateOf(day),
          type: 'accusation',
          title: title(random, 5),
          actors: [parties[0]],
          fields: { accused: [party], severity: 1 + Math.floor(random() * 5) },
          links: { breaches: id },
          sources: cite(eventId, day),
        });
      }
    }
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return {
    id: 'g20-2024-compliance',
    title: `G20 compliance: ${commitments} commitments x ${members} members (generated)`,
    date: dateOf(summitDay),
    parties,
    events,
  };
}

/** Writes `records` records of `events` events each, one JSON document per line. Returns the bytes written. */
export function writeRecords(file, { records, events, seed = 20150925 }) {
  const random = seeded(seed);
  const fd = openSync(file, 'w');
  let bytes = 0;
  let batch = '';
  for (let i = 0; i < records; i++) {
    batch += `${JSON.stringify(makeRecord(random, i, events))}\n`;
    if (batch.length > 1 << 22 || i === records - 1) {
      bytes += writeSync(fd, batch);
      batch = '';
    }
  }
  closeSync(fd);
  return bytes;
}

/**
 * The bench matrix: 20 criteria using every kind of condition (all, any, not, atLeast, some,
 * none, count, field with equals/in/gt/gte/lt/lte/contains/exists, dotted fields, type, before
 * and after a date, the summit, the as-of date and a linked event, within, deadline, link with
 * and without `to`, linkedBy with `where` and `min`, partyIn, isSubject), appliesWhen, gates, a
 * per-party criterion and a forEach criterion.
 */
export const MATRIX_YAML = `id: bench-matrix
title: Bench matrix (every kind of condition)
version: "1.0"
source:
  author: summit-score bench (generated)
aggregation: weighted-mean
# Every field it reads reads absent as false, as the hand-written baseline does (bench/handwritten.mjs).
fields:
  level: { type: string, absent: false }
  participation: { type: string, absent: false }
  openEnded: { type: boolean, absent: false }
  governmental: { type: boolean, absent: false }
  deadline: { type: date, absent: false }
  topics: { type: list, absent: false }
  scale: { type: number, absent: false }
  chairs.US: { type: string, absent: false }
  actors: { type: list, absent: false }
  accused: { type: list, absent: false }
  extent: { type: string, absent: false }
criteria:
  - id: negotiation
    title: A political-level negotiation defined and initiated
    weight: 4
    gates:
      - { above: promise, requires: initiated }
      - { above: gesture, requires: defined }
    levels:
      - label: initiated
        score: 2
        when: { some: { all: [ { type: meeting }, { link: of, to: { all: [ { type: mechanism }, { field: level, in: [leaders, ministerial] } ] } } ] } }
      - label: defined
        score: 1
        when: { some: { type: mechanism } }
      - label: absent
        score: 0
  - id: mechanism-level
    title: The highest level of a mechanism
    weight: 3
    levels:
      - { label: political, score: 3, when: { some: { all: [ { type: mechanism }, { field: level, in: [leaders, ministerial] } ] } } }
      - { label: senior-officials, score: 2, when: { some: { all: [ { type: mechanism }, { field: level, equals: senior-officials } ] } } }
      - { label: any, score: 1, when: { some: { type: mechanism } } }
      - { label: none, score: 0 }
  - id: participation
    title: Civilian and military officials both engaged
    weight: 1
    appliesWhen: { some: { all: [ { type: mechanism }, { field: participation, exists: true } ] } }
    levels:
      - label: civil-military
        score: 1
        when:
          any:
            - { some: { all: [ { type: mechanism }, { field: participation, equals: civil-military } ] } }
            - all:
                - { some: { all: [ { type: mechanism }, { field: participation, equals: civil } ] } }
                - { some: { all: [ { type: mechanism }, { field: participation, equals: military } ] } }
      - { label: single-track, score: 0 }
  - id: open-ended
    title: Open-ended rather than time-bound
    weight: 1
    appliesWhen: { some: { all: [ { type: mechanism }, { field: openEnded, exists: true } ] } }
    levels:
      - { label: open-ended, score: 1, when: { some: { all: [ { type: mechanism }, { field: openEnded, equals: true } ] } } }
      - { label: time-bound, score: 0 }
  - id: deadlines
    title: Dated deadlines met
    weight: 2
    appliesWhen: { some: { field: deadline, exists: true } }
    levels:
      - { label: met, score: 3, when: { all: [ { some: { deadline: met } }, { none: { deadline: [met-late, missed, pending] } } ] } }
      - { label: met-late, score: 2, when: { all: [ { some: { deadline: met-late } }, { none: { deadline: [missed, pending] } } ] } }
      - { label: pending, score: 1, when: { all: [ { some: { deadline: pending } }, { none: { deadline: missed } } ] } }
      - { label: missed, score: 0 }
  - id: cadence
    title: A mechanism that met at least twice within a year of the summit
    weight: 2
    levels:
      - { label: kept, score: 2, when: { some: { all: [ { type: mechanism }, { linkedBy: of, min: 2, where: { all: [ { type: meeting }, { within: { days: 365, of: summit } } ] } } ] } } }
      - { label: met, score: 1, when: { some: { all: [ { type: mechanism }, { linkedBy: of, where: { type: meeting } } ] } } }
      - { label: never-met, score: 0 }
  - id: follow-up-speed
    title: How soon the first meeting came
    weight: 1
    levels:
      - { label: within-90-days, score: 2, when: { some: { all: [ { type: meeting }, { within: { days: 90, of: summit } } ] } } }
      - { label: before-2016, score: 1, when: { some: { all: [ { type: meeting }, { before: 2016-01-01 }, { after: summit } ] } } }
      - { label: later, score: 0 }
  - id: topics
    title: Breadth of the commitments
    weight: 1
    levels:
      - label: broad
        score: 2
        when:
          atLeast: 3
          of:
            - { some: { all: [ { type: commitment }, { field: topics, contains: cybercrime } ] } }
            - { some: { all: [ { type: commitment }, { field: topics, contains: ip-theft } ] } }
            - { some: { all: [ { type: commitment }, { field: topics, contains: norms } ] } }
            - { some: { all: [ { type: commitment }, { field: topics, contains: critical-infrastructure } ] } }
      - { label: some-norms, score: 1, when: { count: { all: [ { type: [commitment, statement] }, { field: topics, contains: norms } ] }, gte: 2 } }
      - { label: narrow, score: 0 }
  - id: hotline
    title: A hotline agreed, and launched
    weight: 1
    levels:
      - { label: launched, score: 2, when: { some: { all: [ { type: hotline }, { link: fulfils, to: { type: [hotline, commitment] } } ] } } }
      - { label: agreed, score: 1, when: { some: { type: hotline } } }
      - { label: none, score: 0 }
  - id: breaches
    title: Few official accusations of breach
    weight: 2
    levels:
      - { label: clean, score: 2, when: { none: { all: [ { type: accusation }, { field: governmental, equals: true }, { link: breaches } ] } } }
      - { label: few, score: 1, when: { count: { all: [ { type: accusation }, { field: governmental, equals: true } ] }, lte: 3 } }
      - { label: many, score: 0 }
  - id: survival
    title: Mechanisms survive or are replaced
    weight: 2
    levels:
      - { label: never-suspended, score: 2, when: { not: { some: { type: suspension } } } }
      - { label: replaced, score: 1, when: { some: { all: [ { type: mechanism }, { link: supersedes, to: { type: mechanism } }, { after: { linked: supersedes } } ] } } }
      - { label: suspended, score: 0 }
  - id: reports
    title: Reports of action after the commitment they fulfil
    weight: 1
    levels:
      - { label: governmental, score: 2, when: { some: { all: [ { type: report }, { field: governmental, equals: true }, { after: { linked: fulfils } } ] } } }
      - { label: any, score: 1, when: { some: { all: [ { type: report }, { link: fulfils }, { before: asOf } ] } } }
      - { label: none, score: 0 }
  - id: exercises
    title: Joint exercises of some scale
    weight: 1
    levels:
      - { label: large, score: 3, when: { some: { all: [ { type: exercise }, { field: scale, gte: 4 } ] } } }
      - { label: medium, score: 2, when: { some: { all: [ { type: exercise }, { field: scale, gt: 2 }, { field: scale, lte: 3 } ] } } }
      - { label: small, score: 1, when: { some: { all: [ { type: exercise }, { field: scale, lt: 3 } ] } } }
      - { label: none, score: 0 }
  - id: meetings
    title: High-level meetings held
    weight: 1
    levels:
      - { label: frequent, score: 2, when: { count: { all: [ { type: meeting }, { field: level, in: [leaders, ministerial] } ] }, gte: 5 } }
      - { label: some, score: 1, when: { count: { all: [ { type: meeting }, { field: level, in: [leaders, ministerial] } ] }, gte: 1 } }
      - { label: none, score: 0 }
  - id: chairs
    title: Mechanisms with named chairs
    weight: 0
    levels:
      - { label: chaired, score: 1, when: { some: { all: [ { type: mechanism }, { field: chairs.US, exists: true } ] } } }
      - { label: unchaired, score: 0 }
  - id: dated
    title: Follow-up dated in the years after the summit
    weight: 1
    levels:
      - { label: late-follow-up, score: 1, when: { some: { all: [ { field: date, gte: "2014-01-01" }, { field: id, exists: true }, { field: title, contains: dialogue } ] } } }
      - { label: none, score: 0 }
  - id: endorsements
    title: No endorsement of a rival code of conduct
    weight: 1
    levels:
      - { label: none, score: 1, when: { none: { all: [ { type: endorsement }, { field: subject, equals: code-of-conduct } ] } } }
      - { label: endorsed, score: 0 }
  - id: breached-commitments
    title: Commitments breached in earnest
    weight: 1
    levels:
      - { label: unbreached, score: 2, when: { none: { all: [ { type: commitment }, { linkedBy: breaches, where: { field: severity, gte: 4 } } ] } } }
      - { label: once, score: 1, when: { not: { some: { all: [ { type: commitment }, { linkedBy: breaches, min: 3 } ] } } } }
      - { label: repeatedly, score: 0 }
  - id: party-compliance
    title: Each party acts on the commitments and is not accused
    weight: 2
    perParty: true
    appliesWhen: { some: { partyIn: actors } }
    levels:
      - label: full
        score: 2
        when:
          all:
            - { some: { all: [ { partyIn: actors }, { type: report }, { link: fulfils, to: { type: commitment } } ] } }
            - { none: { all: [ { type: accusation }, { partyIn: accused }, { field: severity, gte: 3 } ] } }
      - { label: partial, score: 1, when: { some: { all: [ { partyIn: actors }, { type: [meeting, report] } ] } } }
      - { label: none, score: 0 }
  - id: commitment-kept
    title: Each dated commitment of the summit kept
    weight: 1
    forEach: { all: [ { type: commitment }, { field: deadline, exists: true }, { not: { after: summit } } ] }
    levels:
      - { label: kept, score: 2, when: { some: { all: [ { link: fulfils, to: { isSubject: true } }, { not: { field: extent, equals: partial } } ] } } }
      - { label: partly, score: 1, when: { some: { link: fulfils, to: { isSubject: true } } } }
      - { label: not-kept, score: 0 }
verdicts:
  - { label: progress, min: 70 }
  - { label: promise, min: 45 }
  - { label: gesture, min: 20 }
  - { label: concession, min: 0 }
`;

export function writeMatrix(dir) {
  const file = join(dir, 'bench-matrix.yaml');
  writeFileSync(file, MATRIX_YAML);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = '.', records = '100', events = '100'] = process.argv.slice(2);
  writeMatrix(dir);
  const bytes = writeRecords(join(dir, `records-${records}x${events}.ndjson`), { records: Number(records), events: Number(events) });
  console.log(`wrote ${dir}/bench-matrix.yaml and ${records} records x ${events} events (${(bytes / 2 ** 20).toFixed(1)} MiB)`);
}
