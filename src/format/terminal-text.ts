// Text from matrices and records reaches the terminal; control characters in it (ANSI escapes
// above all) could recolour, move the cursor or hide output, and bidirectional-text controls
// (U+202E and kin) could show text in another order than it has, so they are shown, not obeyed.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function safeText(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
