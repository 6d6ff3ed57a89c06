// Everything a report shows comes from matrices and records a reader may not trust: every text
// goes through `text`, every attribute through `attr`, and only http(s) URLs become links.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Invisible or direction-changing characters that would let two different texts look the same. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Text for an element's content: markup characters escaped, invisible characters shown as `\u{…}`. */
export function text(value: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- callers pass text and numbers; anything else shows as String() has it
  const raw = value === null || value === undefined ? '' : String(value);
  return raw.replace(INVISIBLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/**
 * The same escaping is right for a double-quoted attribute value.
 * @alias
 */
export const attr = text;

/** The URL when it is an absolute http or https URL, so no `javascript:` or `data:` link is ever made. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A source as a link when its URL is safe, otherwise as plain text. */
export function link(url: unknown, label?: unknown): string {
  const href = safeHref(url);
  const shown = text(label ?? url);
  return href === null ? shown : `<a href="${attr(href)}" rel="noreferrer noopener">${shown}</a>`;
}
