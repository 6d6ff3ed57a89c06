import { safeText } from '../terminal-text.js';
import { mdText } from './markdown-text.js';
import { itemAt } from '../checked-index.js';

// A bibliography for a paper's reference list: Markdown to read, CSL-JSON for Zotero, Pandoc and
// citeproc, BibTeX for LaTeX. Written here rather than through a citation library: CSL-JSON is
// plain JSON in a published shape (test/bibliography checks it against the CSL schema), and the
// BibTeX is @misc entries whose only subtlety, escaping, is tested by parsing it back.

/** What the formats read of a bibliography entry (src/load/load-bibliography.ts builds them). */
export interface CitableSource {
  readonly key: string;
  readonly type: 'article' | 'blog-post' | 'podcast' | 'report' | 'webpage';
  readonly authors?: readonly { readonly family?: string; readonly given?: string; readonly literal?: string }[];
  readonly title?: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly url?: string;
  readonly accessed?: string;
  readonly verified: boolean;
  readonly supports: string;
  readonly note?: string;
}

export const BIBLIOGRAPHY_FORMATS = ['markdown', 'csl-json', 'bibtex'] as const;
export type BibliographyFormat = (typeof BIBLIOGRAPHY_FORMATS)[number];

export function formatBibliography(sources: readonly CitableSource[], format: BibliographyFormat, heading: string): string {
  if (format === 'csl-json') return cslJson(sources);
  if (format === 'bibtex') return bibtex(sources);
  return markdown(sources, heading);
}

type Name = NonNullable<CitableSource['authors']>[number];

const nameText = (name: Name): string => name.literal ?? [name.given, name.family].filter(Boolean).join(' ');

function markdown(sources: readonly CitableSource[], heading: string): string {
  const lines = [`# ${mdText(heading)}`, ''];
  if (sources.length === 0) lines.push('No source is cited by key.');
  for (const source of sources) {
    const parts = [source.authors && source.authors.map(nameText).join(', '), source.title && `“${source.title}”`, source.publisher, source.date].filter(
      (part): part is string => Boolean(part),
    );
    const url = source.url === undefined ? '' : ` <${safeText(source.url)}>`;
    const unverified = source.verified ? '' : ' **Unverified.**';
    lines.push(`- \`${source.key}\`: ${parts.map(mdText).join('. ')}.${url}${unverified}`);
    lines.push(`  Supports: ${mdText(source.supports)}`);
    if (source.note !== undefined) lines.push(`  Note: ${mdText(source.note)}`);
  }
  return `${lines.join('\n')}\n`;
}

const CSL_TYPES: Record<CitableSource['type'], string> = {
  article: 'article-newspaper',
  'blog-post': 'post-weblog',
  podcast: 'broadcast',
  report: 'report',
  webpage: 'webpage',
};

/** A date as CSL's date-parts: [[2015, 9, 21]], [[2016, 6]] or [[2015]]. */
const dateParts = (date: string) => ({ 'date-parts': [date.split('-').map(Number)] });

function cslJson(sources: readonly CitableSource[]): string {
  const items = sources.map((source) => ({
    id: source.key,
    type: CSL_TYPES[source.type],
    ...(source.authors && { author: source.authors.map((name) => ({ ...name })) }),
    ...(source.title !== undefined && { title: source.title }),
    ...(source.publisher !== undefined && { publisher: source.publisher }),
    ...(source.date !== undefined && { issued: dateParts(source.date) }),
    ...(source.url !== undefined && { URL: source.url }),
    ...(source.accessed !== undefined && { accessed: dateParts(source.accessed) }),
    annote: source.supports,
    ...(noteText(source) !== undefined && { note: noteText(source) }),
  }));
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** The note a reference list shows: unverified first, then the entry's own note. */
function noteText(source: CitableSource): string | undefined {
  const parts = [source.verified ? undefined : 'Unverified.', source.note].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(' ');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// LaTeX's special characters, each as the command that prints it. Braces are escaped too, so a
// field's braces always balance whatever the text holds.
const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text as a BibTeX field value prints it: LaTeX specials escaped, one line. UTF-8 is kept (biber, bibtex8). */
export function bibtexText(text: string): string {
  return safeText(text.replace(/\s*[\r\n]+\s*/g, ' ')).replace(/[\\{}&%$#_~^]/g, (char) => LATEX_SPECIAL[char]!);
}

/**
 * A name as BibTeX reads it: `Family, Given`. An organisation, or a part with a comma or the word
 * "and" in it, is braced, so that BibTeX takes it whole instead of splitting it into names.
 */
function bibtexName(name: Name): string {
  const part = (text: string) => (/,|\band\b/i.test(text) ? `{${bibtexText(text)}}` : bibtexText(text));
  if (name.literal !== undefined) return `{${bibtexText(name.literal)}}`;
  return name.given === undefined ? part(name.family!) : `${part(name.family!)}, ${part(name.given)}`;
}

function bibtex(sources: readonly CitableSource[]): string {
  return sources
    .map((source) => {
      const [year, month] = source.date?.split('-') ?? [];
      const fields: [string, string][] = [];
      if (source.authors) fields.push(['author', `{${source.authors.map(bibtexName).join(' and ')}}`]);
      // Double braces keep the title's capitals as written.
      if (source.title !== undefined) fields.push(['title', `{{${bibtexText(source.title)}}}`]);
      if (source.publisher !== undefined) fields.push(['howpublished', `{${bibtexText(source.publisher)}}`]);
      if (year !== undefined) fields.push(['year', `{${year}}`]);
      if (month !== undefined) fields.push(['month', itemAt(MONTHS, Number(month) - 1)]);
      // The bibliography's schema allows no space, brace, backslash or quote in a url, so it goes in as written.
      if (source.url !== undefined) fields.push(['url', `{${safeText(source.url)}}`]);
      if (source.accessed !== undefined) fields.push(['urldate', `{${source.accessed}}`]);
      fields.push(['annote', `{${bibtexText(source.supports)}}`]);
      const note = noteText(source);
      if (note !== undefined) fields.push(['note', `{${bibtexText(note)}}`]);
      return `@misc{${source.key},\n${fields.map(([name, value]) => `  ${name} = ${value},`).join('\n')}\n}\n`;
    })
    .join('\n');
}
