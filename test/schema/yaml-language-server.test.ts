// Editors check matrices with our schema through yaml-language-server and the modeline the bundled
// files start with. This runs the real server (a child process, network refused) to prove it.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, type LspDiagnostic } from '../ci/lsp/lsp-client.js';

const require = createRequire(import.meta.url);
const server = require.resolve('yaml-language-server/bin/yaml-language-server');
const noNetwork = resolve('test/ci/lsp/no-network.cjs');
const WAIT_MS = 20_000;

describe('yaml-language-server with our schemas', () => {
  let client: LspClient;

  beforeAll(async () => {
    client = new LspClient(process.execPath, ['--require', noNetwork, server, '--stdio'], {
      yaml: { validate: true, hover: false, completion: false, format: { enable: false }, schemaStore: { enable: false }, schemas: {} },
    });
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(resolve('.')).href,
      workspaceFolders: [{ uri: pathToFileURL(resolve('.')).href, name: 'summit-score' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    });
    client.notify('initialized', {});
  });

  afterAll(async () => {
    await client?.stop();
  });

  // Opened where the bundled matrix lives, so its modeline `$schema=../src/schema/matrix.schema.json` resolves.
  const open = (name: string, text: string): string => {
    const uri = pathToFileURL(resolve('matrices', name)).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  };

  it('reports a planted mistake in a bundled matrix at its line', async () => {
    const text = readFileSync('matrices/lewis-2015.yaml', 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/src\/schema\/matrix\.schema\.json$/);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /^ {4}weight: /.test(l));
    lines[line] = lines[line]!.replace('weight:', 'wieght:');
    const uri = open('planted-mistake.yaml', lines.join('\n'));
    const found = await client.diagnostics(uri, (d) => d.length > 0, WAIT_MS);
    const planted = found.filter((d: LspDiagnostic) => d.range.start.line === line);
    expect(planted.map((d) => d.message).join('\n')).toMatch(/wieght/);
    expect(planted[0]!.range.start.character).toBe(4);
  });

  it('finds nothing wrong with any bundled matrix or record, inline test events included', async () => {
    const files = ['matrices', 'fixtures'].flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => `${dir}/${name}`),
    );
    for (const file of files) {
      // A copy beside the original, so its modeline resolves the same way.
      const uri = pathToFileURL(resolve(file.replace(/\.yaml$/, '.unchanged-copy.yaml'))).href;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(file, 'utf8') } });
      expect(await client.diagnostics(uri, () => true, WAIT_MS), file).toEqual([]);
    }
  });

  it('checks records with the record schema through their modeline', async () => {
    const text = readFileSync('fixtures/us-china-2015-09.yaml', 'utf8');
    const uri = pathToFileURL(resolve('fixtures', 'planted-record.yaml')).href;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /^ {4}type: /.test(l));
    lines[line] = lines[line]!.replace('type:', 'tpye:');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: lines.join('\n') } });
    const found = await client.diagnostics(uri, (d) => d.length > 0, WAIT_MS);
    expect(found.some((d) => d.range.start.line === line && /tpye/.test(d.message))).toBe(true);
  });

  it('never reached for the network', () => {
    expect(client.stderr).not.toContain('NETWORK BLOCKED');
  });
});
