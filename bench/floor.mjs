// The floors the bench compares summit-score with: what reading its input costs at the least.
//   node bench/floor.mjs parse FILE              read FILE, JSON.parse it
//   node bench/floor.mjs parse-stringify FILE    read FILE, JSON.parse it, JSON.stringify the data
//   node bench/floor.mjs ndjson FILE OUTPUT      read FILE line by line as src/load/ndjson.ts does
//       (a 1 MiB stream, lines split on the bytes) and JSON.parse each line; then JSON.stringify
//       each line of OUTPUT (the tool's output for FILE), parsed off the clock: the time spent
//       parsing OUTPUT is printed ("off the clock: N ms") for the bench to subtract.
import { createReadStream, readFileSync } from 'node:fs';

const [mode, file, output] = process.argv.slice(2);

async function eachLine(path, take) {
  let pending = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let start = 0;
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, end);
      take(pending.length === 0 ? piece : Buffer.concat([...pending, piece]));
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) take(Buffer.concat(pending));
}

if (mode === 'parse' || mode === 'parse-stringify') {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const text = mode === 'parse-stringify' ? JSON.stringify(data) : '';
  process.stdout.write(`${text.length} characters\n`);
} else if (mode === 'ndjson') {
  let records = 0;
  await eachLine(file, (bytes) => {
    const text = bytes.toString('utf8');
    if (text.trim() === '') return;
    JSON.parse(text);
    records++;
  });
  let offTheClock = 0;
  let written = 0;
  await eachLine(output, (bytes) => {
    const t = performance.now();
    const text = bytes.toString('utf8');
    if (text.trim() === '') return;
    const value = JSON.parse(text);
    offTheClock += performance.now() - t;
    written += JSON.stringify(value).length + 1;
  });
  process.stdout.write(`${records} records read, ${written} characters written; off the clock: ${Math.round(offTheClock)} ms\n`);
} else {
  process.stderr.write('usage: node bench/floor.mjs parse|parse-stringify FILE | ndjson FILE OUTPUT\n');
  process.exit(2);
}
