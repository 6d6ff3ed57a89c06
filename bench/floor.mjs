// The floor for end-to-end runs: read an NDJSON file line by line and JSON.parse each line, and
// nothing else. It reads the way src/load/ndjson.ts does (a 1 MiB stream, lines split on the
// bytes), so the difference between the two is the work summit-score does beyond reading.
//   node bench/floor.mjs FILE
import { createReadStream } from 'node:fs';

const [file] = process.argv.slice(2);
let records = 0;
let events = 0;
let pending = [];
const take = (bytes) => {
  const text = bytes.toString('utf8');
  if (text.trim() === '') return;
  const record = JSON.parse(text);
  records++;
  events += record.events?.length ?? 0;
};
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
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
process.stdout.write(`${records} records, ${events} events\n`);
