// Text from matrices and records reaches terminals, CI logs and Markdown. Three things in it must
// be shown, never obeyed: line breaks (a key holding "\n::error file=a.yaml::" would print a line
// of its own, a forged diagnostic or a forged GitHub Actions command), terminal controls (ESC,
// CSI, OSC: recolour, move the cursor, retitle the window) and invisible format characters
// (bidi overrides such as U+202E show text in another order than it has; zero-width characters
// make two different ids look alike). Unicode names the last two kinds: Cc (every C0 and C1
// control, line feed and tab included) and Cf (bidi controls, zero-width space and joiners, word
// joiner, byte order mark, soft hyphen, tag characters); Zl and Zp are the line and paragraph
// separators.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

function escape(char: string): string {
  const code = char.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

// JSON knows only four-digit escapes: a character beyond U+FFFF is written as its two halves.
function utf16Escape(char: string): string {
  return [...Array(char.length).keys()].map((i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
}

/** One piece of input text, safe to put anywhere in human-readable output: always one line, never a control. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, escape);
}

// Colour codes (SGR: ESC [ params m) are the only escapes summit-score itself sends.
const TERMINAL_UNSAFE = /\u001b\[[0-9;]*m|\r\n|[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * A whole output on its way to a terminal (stdout when it is a TTY): line breaks, tabs and colour
 * codes stay, every other control and format character is escaped. This is the last guard for
 * outputs that are not built from safeText pieces, such as CSV, NDJSON or JSON printed on a
 * terminal; JSON stays valid JSON (an escape written in a string means the same character).
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (match) =>
    match.startsWith('\u001b[') || match === '\r\n' || match === '\n' || match === '\t' ? match : utf16Escape(match),
  );
}
