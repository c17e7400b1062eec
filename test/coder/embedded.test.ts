import { describe, expect, it } from 'vitest';
import { articleWith, code } from './helpers.js';
import { embeddedTable, frameCode, parseEmbeddedTable } from '../../src/coder/embedded.js';

const A = { Britain: 'GBRGOV', Russia: 'RUSGOV', Moscow: 'RUSGOV', Turkey: 'TURGOV', Portugal: 'PRTGOV', Syria: 'SYRGOV', Iran: 'IRNGOV', Jordan: 'JORGOV', Washington: 'USAGOV', Kremlin: 'RUSGOV' };
const asserted = (text: string) =>
  code(articleWith(text, A)).events
    .filter((e) => e.modality === 'asserted')
    .map((e) => `${e.source?.code}>${e.target?.code}:${e.code}`);

describe('embedded-event table', () => {
  it('maps what a frame is about to its sub-code by the longest prefix', () => {
    const t = embeddedTable();
    expect(frameCode(t, 'appeal', '0841')).toBe('0253');
    expect(frameCode(t, 'intent', '062')).toBe('0312');
    expect(frameCode(t, 'reject', '073')).toBe('1223');
    expect(frameCode(t, 'threat', '191')).toBe('1381');
    expect(frameCode(t, 'threat', '061')).toBeNull();
  });
  it('rejects a malformed line', () => {
    expect(() => parseEmbeddedTable('embedded\tappeal\tintent\tdemand\treject\tthreat\n061\t0211\n')).toThrow(/five columns/);
  });
});

describe('embedded and promised events (CAMEO conventions)', () => {
  it('an appeal takes the sub-code of what it asks for', () => {
    expect(asserted('Britain urged Russia to release the sailors.')).toContain('GBRGOV>RUSGOV:0253');
  });
  it('a cooperative act promised is an intent, and the act itself is not asserted', () => {
    const out = asserted('Portugal will send humanitarian aid to Turkey.');
    expect(out).toContain('PRTGOV>TURGOV:0333');
    expect(out.some((c) => c.endsWith(':073'))).toBe(false);
  });
  it('a cooperative act refused is a rejection', () => {
    expect(asserted('Syria said it would not send humanitarian aid to Turkey.')).toContain('SYRGOV>TURGOV:1223');
  });
  it('a conflictual act prepared is a threat, but one agreed to is done', () => {
    expect(asserted('Moscow is prepared to impose sanctions on Turkey.').some((c) => c.startsWith('RUSGOV>TURGOV:131'))).toBe(true);
    const agreed = asserted('Britain agreed to extend the sanctions on Russia.');
    expect(agreed.some((c) => c.includes(':13'))).toBe(false);
  });
  it('a relative clause promises nothing', () => {
    expect(asserted('Turkey passed a bill that would send humanitarian aid to Syria.').some((c) => c.includes(':033'))).toBe(false);
  });
  it('a threat on a condition is asserted, and a conflictual act announced on a condition is a threat', () => {
    expect(asserted('Russia threatened to expel the diplomats of Britain unless Britain apologised.').some((c) => c.startsWith('RUSGOV>GBRGOV:13'))).toBe(true);
    expect(asserted('Moscow may expel the diplomats of Turkey if Turkey refuses, the Kremlin said.').some((c) => c.startsWith('RUSGOV>TURGOV:13'))).toBe(true);
  });
  it('an explicit intent word never asserts the act', () => {
    const out = asserted('Russia has sworn to attack Turkey.');
    expect(out.some((c) => c.endsWith(':190'))).toBe(false);
    expect(out.some((c) => c.startsWith('RUSGOV>TURGOV:138'))).toBe(true);
  });
  it('announcing that relations will be reduced reduces them; announcing an attack does not attack', () => {
    expect(asserted('Washington announced that it would impose sanctions on Iran.')).toContain('USAGOV>IRNGOV:163');
    expect(asserted('Washington said it would attack Iran.').some((c) => c.includes(':19'))).toBe(false);
  });
});
