import type { Io } from '../io.js';

/**
 * A progress line on stderr for long runs, rewritten in place; undefined when stderr is not a
 * terminal, so pipes and log files never see it. The line is cleared when the work is done.
 */
export function progressLine(io: Io, label: string): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTTY) return undefined;
  let shown = -1;
  return (done, total) => {
    const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
    if (done >= total) {
      io.stderr('\r\u001b[K');
      return;
    }
    if (percent === shown) return;
    shown = percent;
    io.stderr(`\r${label} ${done}/${total} (${percent}%)`);
  };
}
