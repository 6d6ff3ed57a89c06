import { setFlagsFromString } from 'node:v8';

// Reading a large YAML input makes garbage faster than V8's default schedule collects it: the
// young generation grows to 32 MiB and the old one to twice what is live, so 20,000 values in
// 40 KB peaked at 108 MiB, 25 of them garbage. Set from inside the process (V8 reads these two
// flags as it goes; the sizes fixed at start-up, such as --max-semi-space-size, it does not), and
// only for an input large enough to need it: start-up and ordinary inputs keep V8's defaults.
// Setting a flag again is harmless, so no module state records that it was set.

/** From now on, collects garbage in small steps: a young generation that does not grow, and a heap grown in small steps. */
export function collectEagerly(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--optimize-for-size');
}
