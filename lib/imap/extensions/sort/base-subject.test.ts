import { describe, expect, it } from 'vitest';
import { baseSubject } from './base-subject';

describe('base subject (RFC 5256 §2.1)', () => {
  it.each([
    ['Re: lunch', 'LUNCH'],
    ['RE:lunch', 'LUNCH'],
    ['Fwd: lunch', 'LUNCH'],
    ['fw : lunch', 'LUNCH'],
    ['Re: Re: Fwd: lunch', 'LUNCH'],
    ['Re[2]: lunch', 'LUNCH'],
    ['Re [2]: lunch', 'LUNCH'],
    ['[list] Re: lunch', 'LUNCH'],
    ['Re: [list] lunch', 'LUNCH'],
    ['[list] [other] lunch', 'LUNCH'],
    ['lunch (fwd)', 'LUNCH'],
    ['lunch (FWD) (fwd)  ', 'LUNCH'],
    ['[fwd: lunch]', 'LUNCH'],
    ['[Fwd: Re: lunch (fwd)]', 'LUNCH'],
    ['  lunch\t\tat  noon ', 'LUNCH AT NOON'],
    ['Re: lunch\r\n at noon', 'LUNCH AT NOON'],
    // A blob that is all there is stays: removing it would leave nothing (step 4).
    ['[list]', '[LIST]'],
    ['Re: [list]', '[LIST]'],
    ['', ''],
    ['Re:', ''],
    // Not leaders: "Reply" and "Ref" are words, "re" without a colon is text.
    ['Reply: lunch', 'REPLY: LUNCH'],
    ['re lunch', 'RE LUNCH'],
    // "Ré" is not "re"; the base subject is in i;unicode-casemap's form (RFC 5051 §2): every
    // letter titlecased, é written as E and a combining acute.
    ['Ré: déjeuner', 'RE\u0301: DE\u0301JEUNER'],
    ['Re: Élan', 'E\u0301LAN'],
  ])('%j → %j', (subject, base) => {
    expect(baseSubject(subject)).toBe(base);
  });
});
