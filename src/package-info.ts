import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root: src/ and dist/ sit one level below it, the command's bundle (dist/cli-bundle/) two. */
function packageRoot(): URL {
  const parent = new URL('../', import.meta.url);
  return existsSync(new URL('package.json', parent)) ? parent : new URL('../../', import.meta.url);
}

const root = packageRoot();

export const MATRICES_DIR = fileURLToPath(new URL('matrices/', root));
export const FIXTURES_DIR = fileURLToPath(new URL('fixtures/', root));

const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { name: string; version: string; repository?: string | { url?: string } };
export const TOOL = { name: manifest.name, version: manifest.version } as const;

/**
 * The repository's web address when package.json's `repository` names one on GitHub
 * (`github:owner/name`, `owner/name`, `https://github.com/owner/name.git`, ...): SARIF links the
 * tool and each rule's help there. Undefined while the package names no repository.
 */
function githubRepository(repository: string | { url?: string } | undefined): string | undefined {
  const url = typeof repository === 'string' ? repository : repository?.url;
  const match = url && /^(?:github:|(?:git\+)?https:\/\/github\.com\/|git@github\.com:)?([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url);
  return match ? `https://github.com/${match[1]}` : undefined;
}

/** TOOL, and where its repository is, for the CI formats. */
export const CI_TOOL = { ...TOOL, repository: githubRepository(manifest.repository) } as const;
