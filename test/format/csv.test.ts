// toCsv field by field, against RFC 4180 (a field holding a comma, a quote, CR or LF is quoted, a
// quote doubled) and OWASP's advice on CSV injection (text a spreadsheet would run as a formula
// gets a leading '). Each expected line is written out by hand from those rules.
import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../../src/format/csv.js';

const line = (...cells: Parameters<typeof toCsv>[0]['rows'][number]) => toCsv({ columns: ['a'], rows: [cells] }).split('\n')[1];

describe('toCsv', () => {
  it('writes a header row, one line per row, LF line ends and a final LF', () => {
    expect(
      toCsv({
        columns: ['x', 'y'],
        rows: [
          ['a', 1],
          ['b', 2],
        ],
      }),
    ).toBe('x,y\na,1\nb,2\n');
  });

  it('quotes a field with a comma, a quote, a line feed or a carriage return, doubling quotes', () => {
    expect(line('a,b')).toBe('"a,b"');
    expect(line('say "hi"')).toBe('"say ""hi"""');
    expect(toCsv({ columns: ['a'], rows: [['two\nlines']] })).toBe('a\n"two\nlines"\n');
    expect(line('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(line('plain text')).toBe('plain text');
  });

  it('quotes the empty string and text with outer spaces, so they read back as written', () => {
    expect(line('')).toBe('""');
    expect(line(' padded')).toBe('" padded"');
    expect(line('padded ')).toBe('"padded "');
  });

  it('writes numbers bare, a non-finite number and null as an empty field, booleans as TRUE/FALSE', () => {
    expect(line(2.5, -1, 0)).toBe('2.5,-1,0');
    expect(line(Number.NaN, Number.POSITIVE_INFINITY, null)).toBe(',,');
    expect(line(true, false)).toBe('TRUE,FALSE');
  });

  it("puts ' before text a spreadsheet would run as a formula: =, +, -, @, a tab, a carriage return", () => {
    expect(line('=1+1')).toBe("'=1+1");
    expect(line('+1')).toBe("'+1");
    expect(line('-1')).toBe("'-1");
    expect(line('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(line('\tx')).toBe("'\tx");
    expect(line('\rx')).toBe('"\'\rx"');
    expect(line('a=b')).toBe('a=b');
  });

  it('makes column names identifiers: a run of other characters becomes _, a leading digit gets c_', () => {
    expect(toCsv({ columns: ['espionage-ip', 'a b.c', '2015', 'ok_1'], rows: [] })).toBe('espionage_ip,a_b_c,c_2015,ok_1\n');
    expect(toCsv({ columns: ['a--b'], rows: [] })).toBe('a_b\n');
  });

  it('has a UTF-8 byte order mark for Excel', () => expect([...BOM].map((c) => c.codePointAt(0))).toEqual([0xfeff]));
});
