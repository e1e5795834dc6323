import { describe, expect, it } from '@jest/globals';
import { csvCell, csvRow } from './csv.util.js';

describe('csv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'two\nlines', 3, null])).toBe('a,"b,c","say ""hi""","two\nlines",3,\r\n');
  });

  it('keeps Chinese text as it is', () => {
    expect(csvCell('质量问题')).toBe('质量问题');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell(-1)).toBe('-1');
  });
});
