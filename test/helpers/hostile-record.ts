// A record whose every text tries to become markup, for the HTML report's tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HOSTILE_RECORD = `id: hostile-case
title: "<script>alert(1)</script> & co"
date: 2015-09-25
parties: [US, CN]
events:
  - id: hl-dialogue
    date: 2015-09-25
    type: mechanism
    title: "<img src=x onerror=alert(2)> dialogue \\u202e evil"
    actors: [US, CN]
    fields:
      level: ministerial
      participation: civil-military
      openEnded: true
    sources:
      - url: 'https://example.org/a"onmouseover="alert(3)<script>'
        publisher: "<b>bold</b>"
  - id: dialogue-1
    date: 2015-12-01
    type: meeting
    title: First meeting
    actors: [US, CN]
    fields:
      level: ministerial
    links:
      of: [hl-dialogue]
    sources:
      - url: https://example.org/ok
        publisher: Example
`;

export function hostileRecordFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'summit-html-'));
  const file = join(dir, 'hostile.yaml');
  writeFileSync(file, HOSTILE_RECORD);
  return file;
}
