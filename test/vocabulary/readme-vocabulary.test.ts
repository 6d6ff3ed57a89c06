import { pageWith } from '../helpers/docs.js';
import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../src/vocabulary.js';

const readme = pageWith('## Event vocabulary');
const start = readme.indexOf('\n## Event vocabulary\n');
const section = readme.slice(start, readme.indexOf('\n## ', start + 5));

describe('the README vocabulary', () => {
  it('has its section', () => expect(start).toBeGreaterThan(0));

  it.each(Object.entries(VOCABULARY))('lists every %s value with its meaning, as src/vocabulary.ts has it', (_group, entries) => {
    for (const [value, meaning] of Object.entries(entries)) {
      expect(section).toContain(`| \`${value}\` | ${meaning.replace(/\|/g, '\\|')} |`);
    }
  });
});
