import { fieldsRead } from '../engine/fields-read.js';
import { AGGREGATION_METHODS, describeCondition, type AbsentMeaning, type Criterion, type FieldDeclaration, type Matrix } from '../engine/index.js';
import { mdTable, mdText } from './markdown-text.js';
import type { MatrixInput } from './research.js';
import { itemAt } from '../checked-index.js';

/**
 * The matrix as a Markdown codebook for a paper's appendix: the source, how the total is formed,
 * the verdict bands, and each criterion with its levels, the conditions that earn them in plain
 * words, its weight and its gates. Generated from the matrix, so the two cannot drift apart.
 */
export function formatCodebook(input: MatrixInput): string {
  const matrix = input.definition;
  const totalWeight = matrix.criteria.reduce((sum, c) => sum + c.weight, 0);
  const blocks: string[] = [`# Codebook: ${mdText(matrix.title)}`];
  blocks.push(
    [
      `- Matrix: \`${matrix.id}\`, version ${mdText(matrix.version)} (${mdText(input.file)}, sha256 \`${input.sha256}\`)`,
      ...(input.extends ? extendsLines(input) : []),
      `- Source: ${sourceText(matrix)}`,
      ...(matrix.source.note ? [`- Note on the source: ${mdText(matrix.source.note)}`] : []),
      `- Aggregation: ${matrix.aggregation}: ${mdText(AGGREGATION_METHODS[matrix.aggregation])}.`,
    ].join('\n'),
  );
  if (matrix.description) blocks.push(mdText(matrix.description));

  blocks.push(
    '## Verdict bands',
    "Bands from best to worst. A total (0-100) earns the band from whose lower bound (included) up to the next band's (excluded) it falls. A failed gate caps the verdict (see the criteria).",
  );
  blocks.push(
    mdTable(
      ['Verdict', 'From', 'Up to', 'Meaning'],
      matrix.verdicts.map((band, i) => [
        `\`${band.label}\``,
        String(band.min),
        i === 0 ? '100' : String(itemAt(matrix.verdicts, i - 1).min),
        mdText(band.description ?? ''),
      ]),
      [1, 2],
    ),
  );

  blocks.push(
    '## Criteria',
    "Each criterion's level is the first, from the top, whose condition holds. Its points are the level's score above the lowest level's; the total is formed from the points as the aggregation says.",
  );
  blocks.push(
    mdTable(
      ['#', 'Criterion', 'Weight', 'Share', 'Levels, best first', 'Gates'],
      matrix.criteria.map((criterion, i) => [
        String(i + 1),
        `[\`${criterion.id}\`](#${anchor(i, criterion)})`,
        String(criterion.weight),
        totalWeight > 0 ? `${Math.round((1000 * criterion.weight) / totalWeight) / 10}%` : '-',
        criterion.levels.map((level) => `\`${level.label}\``).join(', '),
        criterion.gates.length > 0 ? 'yes' : '',
      ]),
      [0, 2, 3],
    ),
  );
  matrix.criteria.forEach((criterion, i) => blocks.push(criterionSection(criterion, i, totalWeight)));
  blocks.push(...fieldsSection(matrix));
  return `${blocks.join('\n\n')}\n`;
}

/** A stable anchor (GitHub's heading slugs vary with the text; this one never does). */
function anchor(index: number, criterion: Criterion): string {
  return `c${index + 1}-${criterion.id}`;
}

function sourceText(matrix: Matrix): string {
  const { source } = matrix;
  const parts = [mdText(source.author)];
  if (source.title) parts.push(`*${mdText(source.title)}*`);
  if (source.date) parts.push(source.date);
  if (source.url) parts.push(`<${source.url.replace(/[<>\s\p{Cc}\p{Cf}]/gu, encodeURIComponent)}>`);
  return parts.join(', ');
}

function extendsLines(input: MatrixInput): string[] {
  const info = input.extends!;
  const lines = info.bases.map(
    (base, i) =>
      `- ${i === 0 ? 'Extends' : 'which extends'}: \`${base.id}\`, version ${mdText(base.version)} (${mdText(base.file)}, sha256 \`${base.sha256}\`)`,
  );
  const changes = info.overrides.map(
    (o) => `\`${o.path}\`${o.change === 'changed' ? ` ${mdText(String(o.from))} → ${mdText(String(o.to))}` : ` (${o.change})`}`,
  );
  lines.push(`- Changed here: ${changes.length > 0 ? changes.join('; ') : 'nothing'}`);
  return lines;
}

function criterionSection(criterion: Criterion, index: number, totalWeight: number): string {
  const scores = criterion.levels.map((level) => level.score);
  const lowest = Math.min(...scores);
  const maxPoints = Math.max(...scores) - lowest;
  const parts = [`<a id="${anchor(index, criterion)}"></a>`, `### ${index + 1}. ${mdText(criterion.title)} (\`${criterion.id}\`)`];
  if (criterion.description) parts.push(mdText(criterion.description));
  const facts = [
    `- Weight: ` +
      `${criterion.weight}${totalWeight > 0 ? ` (${Math.round((1000 * criterion.weight) / totalWeight) / 10}% of the total weight ${totalWeight})` : ''}` +
      `${criterion.weight === 0 ? '; shown, not counted in the total' : ''}`,
    `- Scored: ${scoredText(criterion)}`,
  ];
  if (criterion.appliesWhen)
    facts.push(`- Applies when: ${mdText(describeCondition(criterion.appliesWhen))}; otherwise n/a, and it leaves the total's denominator`);
  for (const gate of criterion.gates) {
    facts.push(`- Gate: a verdict better than \`${gate.above}\` needs this criterion at \`${gate.requires}\` or above`);
  }
  parts.push(facts.join('\n'));
  parts.push(
    mdTable(
      ['Level', 'Score', 'Points', 'Meaning', 'Coded when'],
      criterion.levels.map((level) => [
        `\`${level.label}\``,
        String(level.score),
        `${level.score - lowest}/${maxPoints}`,
        mdText(level.description ?? ''),
        level.when ? mdText(describeCondition(level.when)) : 'otherwise (the default)',
      ]),
      [1, 2],
    ),
  );
  return parts.join('\n\n');
}

function scoredText(criterion: Criterion): string {
  const party =
    criterion.perParty === true
      ? 'party of the record'
      : Array.isArray(criterion.perParty)
        ? `party of ${criterion.perParty.map(mdText).join(', ')}`
        : undefined;
  const each = criterion.forEach ? `once per event where ${mdText(describeCondition(criterion.forEach))}` : undefined;
  if (party && each) return `${each}, and for each such event once per ${party}`;
  return each ?? (party ? `once per ${party}` : 'once per record');
}

/**
 * The vocabulary a coder codes to: each declared field with its type, values and their meanings,
 * and what an event that does not state it means; then the fields read without a declaration.
 */
function fieldsSection(matrix: Matrix): string[] {
  const declared = Object.values(matrix.fields ?? {});
  const undeclared = fieldsRead(matrix).filter((name) => !Object.hasOwn(matrix.fields ?? {}, name));
  if (declared.length === 0 && undeclared.length === 0) return [];
  const blocks = [
    '## Fields',
    'The event fields the conditions read. Where a field lists its values, they are the only values the matrix knows: a record value outside them ' +
      'leaves a test of it unknown. "When absent" says what an event that does not state the field means.',
  ];
  for (const field of declared) blocks.push(fieldBlock(field));
  if (undeclared.length > 0) {
    blocks.push(`Read but not declared (any value; absent: unknown): ${undeclared.map((name) => `\`${mdText(name)}\``).join(', ')}.`);
  }
  return blocks;
}

function fieldBlock(field: FieldDeclaration): string {
  const parts = [`### \`${mdText(field.name)}\` (${field.type})`];
  if (field.description) parts.push(mdText(field.description));
  const facts = [`- When absent: ${absentText(field.absent)}`];
  if (!field.values) facts.push(`- Values: open (any ${field.type === 'list' ? 'items' : 'value'} of its type)`);
  parts.push(facts.join('\n'));
  if (field.values) {
    parts.push(
      mdTable(
        ['Value', 'Meaning'],
        field.values.map((declared) => [`\`${mdText(String(declared.value))}\``, mdText(declared.meaning)]),
      ),
    );
  }
  return parts.join('\n\n');
}

function absentText(absent: AbsentMeaning): string {
  switch (absent.kind) {
    case 'unknown':
      return 'unknown (the record is silent, so a test of the field is unknown)';
    case 'false':
      return 'false (a test of the field fails)';
    case 'value':
      return `read as \`${mdText(JSON.stringify(absent.value))}\``;
  }
}
