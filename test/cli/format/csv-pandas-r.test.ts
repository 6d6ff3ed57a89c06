// CSV read back by pandas and by R, where they are installed (Debian's python3-pandas and
// r-base-core; .ci/run installs them): logical columns arrive as logicals, not text; names need no
// mangling (R's check.names leaves every one as written); totals are numbers; a level column holds
// no `n/a` text; and in the long format the contributions add up to the total. Where a reader is
// missing, its test says so and skips (test/format/csv-readers.test.ts checks the same rules with
// csv-parse either way).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';

const MATRICES = ['lewis-2015', 'critics-2015', 'summit-deliverables', 'g20-compliance'];
const RECORDS = ['us-china-2013-06', 'us-china-2015-09', 'uk-china-2015-10', 'us-china-2017-04', 'us-russia-2021-06', 'us-china-2023-11'];
/** The columns of figures, where a file has them. */
const FIGURES = ['score', 'score_low', 'score_high', 'contribution', 'points', 'max_points', 'weight', 'level_score', 'average', 'percent', 'unknown_share'];
const dir = mkdtempSync(join(tmpdir(), 'summit-csv-readers-'));
const files = MATRICES.flatMap((matrix) => ['csv', 'long'].map((format) => ({ matrix, format, path: join(dir, `${matrix}.${format}.csv`) })));

/** The first interpreter that imports pandas: Debian's python3-pandas is for /usr/bin/python3. */
const PYTHON = ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0);
const RSCRIPT = spawnSync('Rscript', ['--version'], { encoding: 'utf8' }).status === 0 ? 'Rscript' : undefined;

/** What a reader found in each file, as its script prints it (JSON, one object per file). */
interface Reading {
  readonly path: string;
  /** Columns named `applicable` or `*_applicable` whose values are not all logicals. */
  readonly notLogical: string[];
  /** Columns whose name the reader had to change (R), or that are not identifiers (pandas). */
  readonly renamed: string[];
  /** Columns of figures (score, contribution, points, ...) that were not read as numbers. */
  readonly notNumeric: string[];
  /** Cells that hold the text `n/a`. */
  readonly naText: number;
  /** Long format: records whose contributions, in cents, do not add up to their total. */
  readonly offTotals: string[];
  readonly rows: number;
}

const PANDAS = `
import json, sys, pandas as pd
NUMERIC = sys.argv[1].split(',')
out = []
for path in sys.argv[2:]:
    d = pd.read_csv(path)
    flags = [c for c in d.columns if c == 'applicable' or c.endswith('_applicable')]
    off = []
    if 'contribution' in d.columns:
        for record, rows in d.groupby('record'):
            if rows['score'].isna().all(): continue
            cents = sum(round(x * 100) for x in rows['contribution'].fillna(0))
            if cents != round(rows['score'].iloc[0] * 100): off.append(record)
    out.append({
        'path': path,
        'notLogical': [c for c in flags if not all(isinstance(v, bool) or type(v).__name__ == 'bool_' for v in d[c].dropna())],
        'renamed': [c for c in d.columns if not c.isidentifier()],
        'notNumeric': [c for c in d.columns if c in NUMERIC and not (d[c].isna().all() or pd.api.types.is_numeric_dtype(d[c]))],
        # pandas reads the text n/a as a missing value (NaN): counted in the text as written.
        'naText': int((pd.read_csv(path, dtype=str, keep_default_na=False) == 'n/a').sum().sum()),
        'offTotals': off,
        'rows': len(d),
    })
print(json.dumps(out))
`;

const R = `
args <- commandArgs(trailingOnly = TRUE)
numeric_columns <- strsplit(args[1], ',')[[1]]
q <- function(s) paste0('"', s, '"')
list_of <- function(v) paste0('[', paste(vapply(v, q, ''), collapse = ','), ']')
items <- c()
for (path in args[-1]) {
  d <- read.csv(path, stringsAsFactors = FALSE)
  raw <- names(read.csv(path, check.names = FALSE, nrows = 1))
  flags <- names(d)[names(d) == 'applicable' | endsWith(names(d), '_applicable')]
  flags <- flags[!vapply(flags, function(c) is.logical(d[[c]]), TRUE)]
  figures <- names(d)[names(d) %in% numeric_columns]
  figures <- figures[!vapply(figures, function(c) all(is.na(d[[c]])) || is.numeric(d[[c]]), TRUE)]
  off <- c()
  if ('contribution' %in% names(d)) {
    for (record in unique(d$record)) {
      rows <- d[d$record == record, ]
      if (all(is.na(rows$score))) next
      contributions <- rows$contribution
      contributions[is.na(contributions)] <- 0
      if (sum(round(contributions * 100)) != round(rows$score[1] * 100)) off <- c(off, record)
    }
  }
  na_text <- sum(vapply(d, function(col) sum(as.character(col) == 'n/a', na.rm = TRUE), 0))
  items <- c(items, paste0('{"path":', q(path), ',"notLogical":', list_of(flags), ',"renamed":', list_of(raw[raw != names(d)]),
    ',"notNumeric":', list_of(figures), ',"naText":', na_text, ',"offTotals":', list_of(off), ',"rows":', nrow(d), '}'))
}
cat(paste0('[', paste(items, collapse = ','), ']'))
`;

function readings(command: string, args: string[], paths = files.map((file) => file.path)): Reading[] {
  const result = spawnSync(command, [...args, FIGURES.join(','), ...paths], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Reading[];
}

/** A CSV as the tool does not write it: logicals as yes/no, a hyphenated name, `n/a` text. */
function badFile(): string {
  const path = join(dir, 'bad.csv');
  writeFileSync(path, 'record,score,espionage-ip,espionage_ip_applicable\na,50,n/a,yes\nb,25,raised,no\n');
  return path;
}

function expectRead(found: Reading[]): void {
  expect(found.map((reading) => reading.path)).toEqual(files.map((file) => file.path));
  for (const reading of found) {
    expect(reading, reading.path).toMatchObject({ notLogical: [], renamed: [], notNumeric: [], naText: 0, offTotals: [] });
    expect(reading.rows, reading.path).toBeGreaterThanOrEqual(RECORDS.length);
  }
}

describe('CSV read back by pandas and R', () => {
  beforeAll(async () => {
    for (const { matrix, format, path } of files) {
      const result = await run(['evaluate', ...RECORDS, '-m', matrix, '-f', format, '-o', path]);
      expect(result.exitCode, result.stderr).toBe(0);
    }
  }, 120_000);

  if (PYTHON) {
    it('pandas.read_csv: logicals, identifier names, numeric totals, contributions adding up', () => expectRead(readings(PYTHON, ['-c', PANDAS])));
    it('pandas has teeth: it catches logicals it cannot read, a hyphenated name and n/a text', () => {
      expect(readings(PYTHON, ['-c', PANDAS], [badFile()])[0]).toMatchObject({ notLogical: ['espionage_ip_applicable'], renamed: ['espionage-ip'], naText: 1 });
    });
  } else it.skip('skipped: pandas is not installed (Debian: apt-get install python3-pandas; .ci/run does)', () => {});

  if (RSCRIPT) {
    it("R's read.csv: logicals, names check.names leaves alone, numeric totals, contributions adding up", () => expectRead(readings(RSCRIPT, ['-e', R])));
    it('R has teeth: it catches logicals it cannot read, a hyphenated name and n/a text', () => {
      expect(readings(RSCRIPT, ['-e', R], [badFile()])[0]).toMatchObject({ notLogical: ['espionage_ip_applicable'], renamed: ['espionage-ip'], naText: 1 });
    });
  } else it.skip('skipped: R is not installed (Debian: apt-get install r-base-core; .ci/run does)', () => {});
});
