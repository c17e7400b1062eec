import { describe, expect, it } from 'vitest';
import { loadCodebook, parseCodebook } from '../../src/coder/cameo/codebook.js';

const book = loadCodebook();

describe('CAMEO codebook', () => {
  it('holds every code of the 20 roots, leading zeros kept', () => {
    for (let r = 1; r <= 20; r++) {
      const root = String(r).padStart(2, '0');
      expect(book.get(root)?.depth).toBe(2);
    }
    expect(book.entries().length).toBeGreaterThan(300);
    expect(book.has('010')).toBe(true);
    expect(book.has('10')).toBe(true);
    expect(book.get('010')?.root).toBe('01');
    expect(book.get('10')?.name).toBe('DEMAND');
  });

  it('names 101, 105, 106, 107 and 108 as the CAMEO manual does, not as GDELT\'s lookup does', () => {
    expect(book.get('101')?.name).toBe('Demand material cooperation');
    expect(book.get('105')?.name).toBe('Demand that target yields');
    expect(book.get('106')?.name).toBe('Demand meeting, negotiation');
    expect(book.get('107')?.name).toBe('Demand settling of dispute');
    expect(book.get('108')?.name).toBe('Demand mediation');
    expect(book.get('108')?.remark).toContain('GDELT label');
  });

  it('uses GDELT Goldstein weights where GDELT and ICEWS disagree (016, 022, 164, 165)', () => {
    expect(book.get('016')?.goldstein).toBe(-2);
    expect(book.get('022')?.goldstein).toBe(3.2);
    expect(book.get('164')?.goldstein).toBe(-7);
    expect(book.get('165')?.goldstein).toBe(-6.5);
  });

  it('puts root 14 (protest) in QuadClass 3 and the rest by the GDELT rule', () => {
    expect(book.get('14')?.quadClass).toBe(3);
    expect(book.get('145')?.quadClass).toBe(3);
    expect(book.get('057')?.quadClass).toBe(1);
    expect(book.get('073')?.quadClass).toBe(2);
    expect(book.get('09')?.quadClass).toBe(3);
    expect(book.get('15')?.quadClass).toBe(4);
    expect(book.get('163')?.quadClass).toBe(4);
  });

  it('gives codes without a published weight their parent\'s weight and says so', () => {
    expect(book.get('1951')?.goldstein).toBe(book.get('195')?.goldstein);
    expect(book.get('1951')?.goldsteinBasis).toBe('parent:195');
    expect(book.get('1214')?.goldstein).toBe(-4);
    expect(book.get('176')?.goldsteinBasis).toBe('parent:17');
    expect(book.get('1213')?.goldsteinBasis).toBe('icews');
    expect(book.get('106')?.goldstein).toBe(-5);
  });

  it('rejects a malformed line with a message naming the line', () => {
    const header = 'code\troot\tdepth\tquad_class\tgoldstein\tgoldstein_basis\tname\tremark';
    expect(() => parseCodebook(`${header}\n163\t17\t3\t4\t-8\tgdelt\tX\t`, 'x.tsv')).toThrow(/x.tsv:2/);
  });
});
