/** A place in a document's data: the keys and list positions that lead to it. */
export type DataPath = readonly (string | number)[];

/** `criteria[0].levels[1].when`: how a place in a matrix or record is named in messages. */
export function formatPath(path: DataPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text === '' ? '(document)' : text;
}

/** A JSON Pointer (as ajv reports instance paths) as a data path, with array indexes as numbers. */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = Array.isArray(node);
    path.push(isIndex ? Number(segment) : segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}
