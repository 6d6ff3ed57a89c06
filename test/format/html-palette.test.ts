// The report's colours (src/format/html/palette.ts): the verdict bands take the first colours of a
// five-step ramp, or, for more bands, steps spread over the ramp by rounding i x 4 / (count - 1).
import { describe, expect, it } from 'vitest';
import { bandColours, COMPLIANCE_COLOURS, OKABE_ITO } from '../../src/format/html/palette.js';

const RAMP = ['#08519c', '#3182bd', '#6baed6', '#bdd7e7', '#eff3ff'];

describe('bandColours', () => {
  it('takes the first colours of the ramp for up to five bands', () => {
    expect(bandColours(0)).toEqual([]);
    expect(bandColours(1)).toEqual([RAMP[0]]);
    expect(bandColours(3)).toEqual(RAMP.slice(0, 3));
    expect(bandColours(5)).toEqual(RAMP);
  });

  it('spreads more bands over the ramp, its ends at both ends', () => {
    // 6: 0, 0.8, 1.6, 2.4, 3.2, 4 rounded; 7: 0, 0.67, 1.33, 2, 2.67, 3.33, 4 rounded.
    expect(bandColours(6)).toEqual([RAMP[0], RAMP[1], RAMP[2], RAMP[2], RAMP[3], RAMP[4]]);
    expect(bandColours(7)).toEqual([RAMP[0], RAMP[1], RAMP[1], RAMP[2], RAMP[3], RAMP[3], RAMP[4]]);
  });

  it("keeps Okabe and Ito's eight colours and the compliance cells' three", () => {
    expect(OKABE_ITO).toHaveLength(8);
    expect(COMPLIANCE_COLOURS).toEqual({ '-1': '#D55E00', '0': '#bbbbbb', '1': '#0072B2' });
  });
});
