// The loaders read schema-checked data as the types generated from the schemas
// (src/load/schema-types/, by scripts/schema-types.mjs): this keeps the two the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a script of plain JavaScript, without types
import { readSchema, schemaTypes } from '../../scripts/schema-types.mjs';

type Generate = (name: string, schema?: unknown) => Promise<{ target: string; code: string }>;
const generate = schemaTypes as Generate;
const read = readSchema as (name: string) => { definitions: Record<string, { properties: Record<string, unknown>; required?: string[] }> };

describe('the types the loaders read input documents as', () => {
  it.each(['matrix', 'record', 'tests', 'bibliography'])('are what src/schema/%s.schema.json gives (node scripts/schema-types.mjs writes them)', async (name) => {
    const { target, code } = await generate(name);
    expect(readFileSync(target, 'utf8')).toBe(code);
  });

  it('differ from the committed ones when the schema changes, so a schema change without them fails', async () => {
    const schema = read('record');
    schema.definitions['event']!.properties['weight'] = { type: 'number' };
    const { target, code } = await generate('record', schema);
    expect(code).toContain('weight?: number;');
    expect(readFileSync(target, 'utf8')).not.toContain('weight?: number;');
  });
});
