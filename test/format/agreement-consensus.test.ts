// The consensus record of `summit-score merge` (src/format/agreement-consensus.ts), read back with
// the yaml parser: the data is the consensus's, the header names the coders, the policy, the files
// and the count of contested facts, and each contested fact that the consensus states carries its
// comment on its own key; one it does not state is listed in the header. Each comment is written
// out from the rule: every coder's value as JSON ("(not stated)" for none), then how it was decided.
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Consensus } from '../../src/engine/agreement-merge.js';
import { formatConsensus } from '../../src/format/agreement-consensus.js';

const CONSENSUS: Consensus = {
  data: {
    id: 'r',
    title: 'A',
    date: '2015-09-25',
    parties: ['US', 'CN'],
    events: [
      { id: 'e1', date: '2015-09-25', type: 'meeting', fields: { level: 'leaders', note: 'line\n::error x' } },
      { id: 'e2', date: '2015-09-26', type: 'statement' },
    ],
  },
  contested: [
    {
      fact: 'title',
      alternatives: [
        { coder: 'ann', value: 'A' },
        { coder: 'bob', value: 'B' },
      ],
      resolution: 'first',
      kept: 'A',
    },
    {
      fact: 'events[e1].fields.level',
      event: 'e1',
      alternatives: [
        { coder: 'ann', value: 'leaders' },
        { coder: 'bob', value: 'leaders' },
        { coder: 'cat', value: undefined },
      ],
      resolution: 'majority',
      kept: 'leaders',
    },
    {
      fact: 'events[e2]',
      event: 'e2',
      alternatives: [
        { coder: 'ann', value: true },
        { coder: 'bob', value: undefined },
      ],
      resolution: 'tie',
      kept: true,
    },
    {
      fact: 'events[e1].type',
      event: 'e1',
      alternatives: [
        { coder: 'ann', value: 'meeting' },
        { coder: 'bob', value: 'call' },
      ],
      resolution: 'required',
      kept: 'meeting',
    },
    {
      fact: 'summary',
      alternatives: [
        { coder: 'ann', value: 'x' },
        { coder: 'bob', value: undefined },
      ],
      resolution: 'unknown',
      kept: undefined,
    },
    { fact: 'events[e3]', event: 'e3', alternatives: [], resolution: 'left-out', kept: undefined },
    { fact: 'events[e2].links.fulfils', event: 'e2', alternatives: [], resolution: 'first', kept: ['e9'] },
  ],
};

const options = { policy: 'majority' as const, coders: ['ann', 'bob', 'cat'], files: ['a.yaml', 'b.yaml', 'c.yaml'] };

describe('formatConsensus', () => {
  // Made in each test, not as the file is collected: Stryker runs only the tests that reach a
  // mutant, and text made at collection would reach it in none of them.
  const written = () => {
    const text = formatConsensus(CONSENSUS, options);
    return { text, doc: parseDocument(text) };
  };

  it('is the consensus data, each value on one line', () => {
    const { text, doc } = written();
    expect(doc.toJS()).toEqual(CONSENSUS.data);
    // The multi-line note is one double-quoted line, so no line of the file starts with "::error".
    expect(text.split('\n').some((line) => line.trimStart().startsWith('::error'))).toBe(false);
    expect(text).toContain('note: "line\\n::error x"');
  });

  it('heads the record with the coders, the policy, the files, the count, and the contested facts it does not state', () => {
    const { doc } = written();
    expect(doc.commentBefore).toBe(
      [
        ' Consensus of 3 coders (ann, bob, cat) by summit-score merge --policy majority.',
        ' From: a.yaml, b.yaml, c.yaml.',
        ' 7 contested facts, each marked "contested" with every coder\'s value.',
        ' Not stated here, because contested:',
        '   contested summary: ann "x", bob (not stated); left unknown: not stated',
        '   contested events[e3]: the event is left out: its date or type is contested, and an event needs both',
        '   contested events[e2].links.fulfils: it links to an event left out; the first coder’s kept',
      ].join('\n'),
    );
  });

  it('comments each contested fact on the line before its own key: the record, an event, an event field, a field of a mapping', () => {
    const { text } = written();
    expect(text).toContain('\n# contested title: ann "A", bob "B"; the first coder’s kept\ntitle: A\n');
    expect(text).toContain(
      '\n    fields:\n      # contested events[e1].fields.level: ann "leaders", bob "leaders", cat (not stated); kept by majority\n      level: leaders\n',
    );
    expect(text).toContain(
      '\n    # contested events[e1].type: ann "meeting", bob "call"; the first coder’s kept: a record cannot be without it\n    type: meeting\n',
    );
    // The event itself, on its id.
    expect(text).toContain('\n  - # contested events[e2]: ann true, bob (not stated); a tie, the first coder’s kept\n    id: e2\n');
    expect(text).toContain('\n  - id: e1\n');
    expect(text).toContain('\ndate: 2015-09-25\n');
    // Four on their keys; the other three (no key to hold them) in the header.
    expect(text.match(/# contested/g)).toHaveLength(4);
    expect(text.match(/# {3}contested/g)).toHaveLength(3);
  });

  it('lists a stated fact with no key of its own in the header, with "it links to an event left out" for no alternatives', () => {
    const { text } = written();
    expect(text).toContain('#   contested events[e2].links.fulfils: it links to an event left out; the first coder’s kept\n');
  });

  it('keeps two comments on one key, one per line, and says nothing of contested facts when there are none', () => {
    const twice: Consensus = {
      data: { id: 'r', title: 'A' },
      contested: [
        { fact: 'title', alternatives: [{ coder: 'ann', value: 'A' }], resolution: 'first', kept: 'A' },
        { fact: 'title', alternatives: [{ coder: 'bob', value: 'A' }], resolution: 'majority', kept: 'A' },
      ],
    };
    const read = formatConsensus(twice, { policy: 'first', coders: ['ann', 'bob'], files: ['a.yaml', 'b.yaml'] });
    expect(read).toContain('\n# contested title: ann "A"; the first coder’s kept\n# contested title: bob "A"; kept by majority\ntitle: A\n');
    const none = parseDocument(formatConsensus({ data: { id: 'r' }, contested: [] }, { policy: 'first', coders: ['ann'], files: ['a.yaml'] }));
    expect(none.commentBefore).toBe(
      ' Consensus of 1 coders (ann) by summit-score merge --policy first.\n From: a.yaml.\n 0 contested facts, each marked "contested" with every coder\'s value.',
    );
  });

  it('finds no place in a record without events, or whose events are not a list or not mappings', () => {
    const event = { fact: 'events[e1].type', event: 'e1', alternatives: [{ coder: 'ann', value: 'x' }], resolution: 'first' as const, kept: 'x' };
    const records: Consensus['data'][] = [{ id: 'r' }, { id: 'r', events: 'none' }, { id: 'r', events: ['e1'] }];
    for (const data of records) {
      const read = parseDocument(formatConsensus({ data, contested: [{ ...event }] }, options));
      expect(read.commentBefore).toContain('   contested events[e1].type: ann "x"; the first coder’s kept');
    }
  });
});
