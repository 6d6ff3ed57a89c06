// Escaping for the HTML report (src/format/html/escape.ts), character by character: the five
// markup characters as their entities (HTML's own), and each range of invisible or
// direction-changing characters shown as `\u{…}` (C0 controls but tab, line feed and carriage
// return; DEL and the C1 controls; zero-width and direction marks; bidi embeddings and
// isolates; the word joiner and invisible operators; the byte order mark), checked at both ends of
// each range and just outside it. Only absolute http and https URLs become links.
import { describe, expect, it } from 'vitest';
import { attr, link, safeHref, text } from '../../src/format/html/escape.js';

const shown = (code: number) => `\\u{${code.toString(16)}}`;

describe('text', () => {
  it('escapes the five markup characters, an ampersand of an entity too', () => {
    expect(text(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(text('&amp; a<b')).toBe('&amp;amp; a&lt;b');
    expect(attr).toBe(text);
  });

  it('shows each invisible range at both ends, and leaves the characters just outside it', () => {
    const ranges: [number, number][] = [
      [0x0, 0x8],
      [0xb, 0xc],
      [0xe, 0x1f],
      [0x7f, 0x9f],
      [0x200b, 0x200f],
      [0x202a, 0x202e],
      [0x2060, 0x2064],
      [0x2066, 0x2069],
      [0xfeff, 0xfeff],
    ];
    for (const [low, high] of ranges) {
      expect(text(`a${String.fromCodePoint(low)}b`)).toBe(`a${shown(low)}b`);
      expect(text(`a${String.fromCodePoint(high)}b`)).toBe(`a${shown(high)}b`);
    }
    const outside = [0x9, 0xa, 0xd, 0x20, 0x7e, 0xa0, 0x200a, 0x2010, 0x2029, 0x202f, 0x205f, 0x2065, 0x206a, 0xfefe, 0xff00];
    for (const code of outside) expect(text(`a${String.fromCodePoint(code)}b`)).toBe(`a${String.fromCodePoint(code)}b`);
  });

  it('shows every invisible character of a text, not only the first', () => {
    expect(text('\u202eab\u200bc\u0000')).toBe('\\u{202e}ab\\u{200b}c\\u{0}');
  });

  it('writes null and undefined as nothing, and other values as String() does', () => {
    expect(text(null)).toBe('');
    expect(text(undefined)).toBe('');
    expect(text(0)).toBe('0');
    expect(text(12.5)).toBe('12.5');
    expect(text(false)).toBe('false');
  });
});

describe('safeHref and link', () => {
  it('keeps an absolute http or https URL, normalised as the URL parser has it, and nothing else', () => {
    expect(safeHref('http://example.org/c')).toBe('http://example.org/c');
    expect(safeHref('HTTPS://Example.org')).toBe('https://example.org/');
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
    // Only a string: a URL object, though its text is a safe address, is not one.
    expect(safeHref(new URL('https://example.org/'))).toBeNull();
    for (const url of ['ftp://example.org/', 'mailto:a@example.org', '', '/relative', 42, null, undefined, { href: 'https://example.org/' }]) {
      expect(safeHref(url)).toBeNull();
    }
  });

  it('makes a link of a safe URL, its label or the URL escaped, and plain text of any other', () => {
    expect(link('https://example.org/', 'X <y>')).toBe('<a href="https://example.org/" rel="noreferrer noopener">X &lt;y&gt;</a>');
    expect(link('https://example.org/?a=1&b=2')).toBe(
      '<a href="https://example.org/?a=1&amp;b=2" rel="noreferrer noopener">https://example.org/?a=1&amp;b=2</a>',
    );
    expect(link('ftp://example.org/', 'L & M')).toBe('L &amp; M');
    expect(link(undefined, 'L')).toBe('L');
    expect(link(null)).toBe('');
  });
});
