// The terminal's small pictures (src/format/charts.ts), the chart format names
// (src/format/visual-formats.ts) and the colour switch (src/format/colour.ts). Bars count eighths
// of a block (U+2588 full, U+258F one eighth ... U+2589 seven eighths), sparklines eighths of
// 0-100 (U+2581 lowest ... U+2588 highest); colours are the ANSI SGR codes chalk writes at level 1
// (bold 1/22, red 31, green 32, yellow 33, blue 34, magenta 35, each closed by 39).
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../src/engine/index.js';
import { bar, paintVerdict, sparkline, verdictPaint } from '../../src/format/charts.js';
import { chalkFor } from '../../src/format/colour.js';
import { isVisualFormat, VISUAL_FORMATS } from '../../src/format/visual-formats.js';

const ESC = '\u001b[';
const sgr = (open: number, text: string, close = 39) => `${ESC}${open}m${text}${ESC}${close}m`;

describe('bar', () => {
  it('draws whole blocks and the eighths left over, rounded to the nearest eighth', () => {
    // 3 of 16 on 4 columns: 3/16 x 32 = 6 eighths; 11 of 16: 22 eighths = 2 blocks and 6.
    expect(bar(3, 16, 4)).toBe('\u258a');
    expect(bar(11, 16, 4)).toBe('\u2588\u2588\u258a');
    // 1 of 8 on one column is one eighth; 1 of 3 is 8/3 = 2.67, rounded to 3; 1 of 6 is 1.33, to 1.
    expect(bar(1, 8, 1)).toBe('\u258f');
    expect(bar(1, 3, 1)).toBe('\u258d');
    expect(bar(1, 6, 1)).toBe('\u258f');
    // 7 of 8 on one column: seven eighths, the last partial block.
    expect(bar(7, 8, 1)).toBe('\u2589');
  });

  it('stops at the full width for a value above the maximum', () => {
    expect(bar(200, 100, 2)).toBe('\u2588\u2588');
    expect(bar(100, 100, 3)).toBe('\u2588\u2588\u2588');
  });

  it('draws nothing for a maximum of 0 or less, or a value of 0 or less', () => {
    expect(bar(5, 0, 10)).toBe('');
    expect(bar(5, -1, 10)).toBe('');
    expect(bar(-5, 10, 10)).toBe('');
    expect(bar(0, 10, 10)).toBe('');
  });
});

describe('sparkline', () => {
  it('maps each eighth of 0-100 to its tick, clamped at both ends, a space for null', () => {
    // floor(v / 100 x 8): 12.4 -> 0, 12.5 -> 1, 87.4 -> 6, 87.5 -> 7, 100 -> 8 -> 7, 150 -> 12 -> 7, -50 -> -4 -> 0.
    expect(sparkline([12.4, 12.5, 87.4, 87.5, 100, 150, -50, null])).toBe('\u2581\u2582\u2587\u2588\u2588\u2588\u2581 ');
    expect(sparkline([25, 37.5, 50, 62.5, 75])).toBe('\u2583\u2584\u2585\u2586\u2587');
    expect(sparkline([])).toBe('');
  });
});

describe('verdict colours', () => {
  const chalk = new Chalk({ level: 1 });
  const bands = (labels: string[]) => ({ verdicts: labels.map((label, i) => ({ label, min: 100 - i * 10 })) }) as unknown as Matrix;

  it('paints the best band green, the worst red, and those between yellow, magenta, blue in turn', () => {
    const matrix = bands(['a', 'b', 'c', 'd', 'e', 'f']);
    const painted = ['a', 'b', 'c', 'd', 'e', 'f'].map((label) => verdictPaint(chalk, matrix, label)('x'));
    expect(painted).toEqual([sgr(32, 'x'), sgr(33, 'x'), sgr(35, 'x'), sgr(34, 'x'), sgr(33, 'x'), sgr(31, 'x')]);
  });

  it('paints a matrix of two bands green and red', () => {
    const matrix = bands(['pass', 'fail']);
    expect(verdictPaint(chalk, matrix, 'pass')('x')).toBe(sgr(32, 'x'));
    expect(verdictPaint(chalk, matrix, 'fail')('x')).toBe(sgr(31, 'x'));
  });

  it('prints a verdict bold in its colour, and no verdict as a yellow "none"', () => {
    const matrix = bands(['good', 'mixed', 'bad']);
    expect(paintVerdict(chalk, matrix, 'mixed')).toBe(`${ESC}1m${sgr(33, 'mixed')}${ESC}22m`);
    expect(paintVerdict(chalk, matrix, 'bad')).toBe(`${ESC}1m${sgr(31, 'bad')}${ESC}22m`);
    expect(paintVerdict(chalk, matrix, null)).toBe(sgr(33, 'none'));
    expect(paintVerdict(new Chalk({ level: 0 }), matrix, 'good')).toBe('good');
  });
});

describe('chalkFor', () => {
  it('colours when the context asks for colour, and not otherwise', () => {
    expect(chalkFor({ color: true }).red('x')).toBe(sgr(31, 'x'));
    expect(chalkFor({ color: false }).red('x')).toBe('x');
  });
});

describe('isVisualFormat', () => {
  it('knows the three chart formats and nothing else', () => {
    expect(VISUAL_FORMATS).toEqual(['html', 'svg', 'vega-lite']);
    for (const format of ['html', 'svg', 'vega-lite']) expect(isVisualFormat(format)).toBe(true);
    for (const format of ['json', 'HTML', 'vega', '', 'table']) expect(isVisualFormat(format)).toBe(false);
  });
});
