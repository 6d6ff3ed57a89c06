// The controlled vocabulary of the bundled case records (fixtures/) and matrices (matrices/).
// Plain data: every record event's `type`, and the values of its `fields.level`,
// `fields.participation`, `fields.cadence` (and `cadenceRecommended`) and `fields.topics`, come
// from these lists, so that a matrix condition written against one record means the same thing
// on every other. test/engine/bundled/vocabulary.test.ts enforces it. Each entry says what it means.

/** What kind of thing an event is (`type:`). */
export const EVENT_TYPES = {
  commitment:
    'A statement of intent the parties agreed: a promise to act, to refrain, or to meet. Carries `fields.deadline` when it names a date, and `fields.level` for who made it.',
  mechanism:
    'A standing body or channel the parties agreed to set up or resume: a dialogue, working group, experts group. Carries level, participation, openEnded and, if stated, cadence.',
  meeting: 'A session actually held, usually linked `of:` its mechanism and, for a first meeting, `fulfils:` the commitment that set its deadline.',
  hotline: 'A dedicated line for escalating issues: agreed (linked `of:` its mechanism) or launched (linked `fulfils:` the agreement).',
  endorsement: 'Welcoming or adopting a text drawn up elsewhere (a UN GGE report, a code of conduct, a G20 norm); `fields.subject` names it.',
  pledge: 'A unilateral or joint declaration of restraint without a mechanism to follow it up (for example, not to attack critical infrastructure).',
  statement: 'Something a party or official said publicly that is not itself an agreement: a demand, a framing, a press-conference line.',
  accusation: 'A claim that a party broke a commitment, linked `breaches:` it; `fields.governmental` says whether a government made it.',
  indictment: 'Criminal charges brought by a government; linked `breaches:` the commitment the charging authority says was broken, if it says so.',
  arrest: 'An arrest or prosecution by a party of people on its own territory for conduct a commitment covers (the "makes arrests" of Knake\'s test).',
  report: 'A published finding by an analyst, company or agency about behaviour the commitments cover.',
  exercise: 'A joint exercise (for example a tabletop exercise) held under a mechanism, linked `of:` it.',
  suspension: 'A party suspends or halts a mechanism: linked `of:` the mechanism when the record has it; `fields.trigger` says why.',
  assessment:
    "An assessor's score of one party's compliance with one commitment, stated directly in its `assessment:` block (a score on the matrix's scale, not " +
    'assessed, or not applicable), as a compliance report gives it.',
} as const;

/** `fields.level`: the rank of the officials who lead a mechanism, make a commitment or meet. */
export const LEVELS = {
  leaders: 'Heads of state or government.',
  ministerial: 'Cabinet members and their counterparts (Attorney General, Secretary of Homeland Security, a State Councilor and Minister).',
  'senior-officials': 'Senior officials below cabinet rank: national security advisers, deputy ministers, directors-general, senior diplomats, commanders.',
  expert: 'Expert consultations: specialists and officials meeting on a technical or policy topic.',
  working: 'Working level: a working group of officials.',
} as const;

/** `fields.participation`: who sits on a mechanism. */
export const PARTICIPATION = {
  civil: 'Civilian officials only (diplomats, law enforcement, economic ministries).',
  military: 'Military officers or defence officials only (military-to-military channels).',
  'civil-military': 'Civilian and military officials together.',
} as const;

/** `fields.cadence` (a stated meeting rhythm) and `fields.cadenceRecommended` (a later change). */
export const CADENCES = {
  'twice-yearly': 'Two meetings a year ("twice per year").',
  annual: 'One meeting a year.',
  quarterly: 'Four meetings a year.',
  monthly: 'Twelve meetings a year.',
  'as-needed': 'Meets when either side asks; no rhythm stated.',
} as const;

/** `links:` kinds, as the engine and the record schema define them. */
export const LINKS = {
  of: 'This event is part or an instance of the target: a meeting of a mechanism, a hotline of a dialogue, a suspension of a mechanism.',
  fulfils: 'This event does what the target commitment promised: a first meeting held, a hotline launched.',
  breaches: 'This event says the target commitment was broken (an accusation, an indictment).',
  supersedes: 'This event or mechanism replaces the target.',
} as const;

/** `fields.topics`: what an event is about. */
export const TOPICS = {
  'ip-theft': 'Theft of intellectual property, trade secrets or confidential business information.',
  espionage: 'Espionage, including cyber-enabled espionage.',
  cybercrime: 'Cybercrime and law-enforcement cooperation on it.',
  cybersecurity: 'Cybersecurity generally.',
  'assistance-requests': 'Requests for information and assistance on malicious cyber activity, and the responses to them.',
  norms: 'Norms of responsible state behaviour in cyberspace.',
  'critical-infrastructure': 'Attacks on, or protection of, critical infrastructure.',
  'cyber-intrusions': 'Intrusions into networks, whoever the target.',
  'strategic-stability': 'Strategic stability, arms control and risk reduction.',
  'nuclear-risk': 'The risk of nuclear war.',
  'law-enforcement': 'Law-enforcement cooperation (fugitives, repatriation and the like).',
  counternarcotics: 'Illicit drugs and their precursors (fentanyl).',
  'military-communication': 'Channels between the armed forces or defence establishments.',
  'leader-communication': 'Direct communication between the leaders.',
  'ai-safety': 'The risks and safety of advanced AI systems.',
  trade: 'Trade and economic relations.',
  'diplomatic-relations': 'Embassies, ambassadors and the conduct of diplomatic relations.',
  security: 'Security cooperation in general.',
} as const;

/** Free `fields` keys the bundled records and matrices use, with their meaning (not enforced). */
const FIELDS = {
  level: 'One of LEVELS.',
  participation: 'One of PARTICIPATION.',
  openEnded: 'true when the agreement sets no end date and no fixed number of meetings; false when it is time-bound.',
  cadence: 'One of CADENCES: the rhythm stated when the mechanism was agreed.',
  cadenceRecommended: 'One of CADENCES: a later, different rhythm recommended at a meeting.',
  deadline: 'A date (YYYY-MM-DD or YYYY-MM) by which a commitment is due; `deadline:` conditions judge it by the events that `fulfils:` it.',
  topics: 'A list of TOPICS.',
  scope: 'A limit stated in a commitment, e.g. commercial-advantage (only theft for commercial advantage).',
  subject: 'What an endorsement or suspension is about, as a short id.',
  governmental: 'On accusations, reports and indictments: whether a government made it.',
  by: 'Who made a statement, report, accusation or indictment.',
  trigger: 'On a suspension: what prompted it.',
  resumed: 'On a mechanism: true when the summit resumed it after a suspension.',
  outcomes: 'On a meeting: short ids of what it produced.',
  accused: 'On an accusation or indictment: the party (or parties) said to have broken the commitment it `breaches:`.',
  extent: 'On an event that `fulfils:` a commitment: `partial` when it does so only in part (work in progress).',
} as const;

export const VOCABULARY = {
  types: EVENT_TYPES,
  levels: LEVELS,
  participation: PARTICIPATION,
  cadences: CADENCES,
  links: LINKS,
  topics: TOPICS,
  fields: FIELDS,
} as const;
