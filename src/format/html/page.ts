import { attr, link, text } from './escape.js';
import type { MatrixInfo, RecordInfo, SourceDocument } from './documents.js';

/** Inline, so the page opens from disk, in an email or behind a firewall; one print stylesheet. */
const STYLE =
  `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #111; background: #fff; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
header dl, footer dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dt { font-weight: bold; } dd { margin: 0; overflow-wrap: anywhere; }
code, .hash { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #333; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { font-size: 1.2rem; font-weight: bold; } .unverified { color: #8a3b00; font-weight: bold; }
.status-failed { color: #8a3b00; font-weight: bold; } .status-passed { color: #064; }
.unknown { font-style: italic; }
details > summary { cursor: pointer; }
` +
  '@media print { body { margin: 0; max-width: none; } a { color: #000; } a[href]::after { content: " (" attr(href) ")"; font-size: .8em; ' +
  'overflow-wrap: anywhere; } details { display: block; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }\n';

export interface PageParts {
  readonly title: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly matrices: readonly MatrixInfo[];
  readonly records: readonly RecordInfo[];
  readonly asOf: string | null;
  readonly body: string;
  readonly sources: readonly SourceDocument[];
}

/** The whole document: a header naming every input, the body, and a footer listing every source cited. */
export function page(parts: PageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${attr(`${parts.tool.name} ${parts.tool.version}`)}">
<title>${text(parts.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${text(parts.title)}</h1>
<dl>
${parts.matrices.map(matrixLines).join('\n')}
${parts.records.map(recordLine).join('\n')}
<dt>As of</dt><dd>${parts.asOf === null ? 'each record at its last event' : text(parts.asOf)}</dd>
<dt>Tool</dt><dd>${text(parts.tool.name)} ${text(parts.tool.version)}</dd>
</dl>
</header>
<main>
${parts.body}
</main>
<footer>
<h2 id="sources">Sources cited</h2>
${sourceList(parts.sources)}
</footer>
</body>
</html>
`;
}

function recordLine(record: RecordInfo): string {
  const place = `<code>${text(record.file)}</code>, sha256 <span class="hash">${text(record.sha256)}</span>`;
  return `<dt>Record</dt><dd><code>${text(record.id)}</code> — ${text(record.title)} (${text(record.date)}), ${place}</dd>`;
}

function matrixLines(matrix: MatrixInfo): string {
  const source = matrix.source;
  const cited = source
    ? [source.author, source.title, source.date]
        .filter((part): part is string => typeof part === 'string')
        .map(text)
        .join(', ')
    : '';
  return [
    `<dt>Matrix</dt><dd><code>${text(matrix.id)}</code> ${text(matrix.version)} — ${text(matrix.title)}, <code>${text(matrix.file)}</code>, sha256 ` +
      `<span class="hash">${text(matrix.sha256)}</span></dd>`,
    source ? `<dt>Matrix source</dt><dd>${cited}${source.url ? ` (${link(source.url)})` : ''}</dd>` : '',
  ].join('');
}

function sourceList(sources: readonly SourceDocument[]): string {
  if (sources.length === 0) return '<p>No source is cited by the evidence shown.</p>';
  const items = sources.map((source) => {
    const label = source.title ?? source.url ?? source.publisher ?? 'untitled source';
    // A source known only by its publisher is labelled by it: named once, not twice.
    const publisher = source.publisher !== label && source.publisher;
    const parts = [link(source.url, label), publisher && text(publisher), source.date && text(source.date)].filter(Boolean).join(', ');
    const unverified = source.verified ? '' : ' <span class="unverified">(verified: false)</span>';
    return `<li>${parts}${unverified} — cited by ${source.events.map((event) => `<code>${text(event)}</code>`).join(', ')}</li>`;
  });
  return `<ol class="sources">\n${items.join('\n')}\n</ol>`;
}

/** A chart and its text alternative: the SVG is labelled, and the same figures follow as a table. */
export function figure(id: string, caption: string, svg: string, table: string): string {
  const labelled = svg.replace('<svg ', `<svg role="img" aria-labelledby="${attr(id)}-caption" `);
  return `<figure id="${attr(id)}">\n${labelled}\n<figcaption id="${attr(id)}-caption">${text(caption)}</figcaption>\n${table}\n</figure>`;
}

/** A plain table; cells are already-escaped HTML. */
export function htmlTable(caption: string, head: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string {
  const th = head.map((cell) => `<th scope="col">${text(cell)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td${numeric.has(i) ? ' class="num"' : ''}>${cell}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<caption>${text(caption)}</caption>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** Sources of several results as one list, each source once, in first-cited order. */
export function mergeSources(lists: readonly (readonly SourceDocument[])[]): SourceDocument[] {
  // A Set per source keeps this linear when many events cite one source.
  const byKey = new Map<string, { source: SourceDocument; events: Set<string> }>();
  for (const list of lists) {
    for (const source of list) {
      const key = JSON.stringify([source.url, source.title, source.publisher, source.date]);
      const entry = byKey.get(key);
      if (entry) for (const event of source.events) entry.events.add(event);
      else byKey.set(key, { source, events: new Set(source.events) });
    }
  }
  return [...byKey.values()].map(({ source, events }) => ({ ...source, events: [...events] }));
}
