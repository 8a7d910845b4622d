// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { leavesPage } from './use-address-bar';

const HERE = new URL('http://lab.test/?scenario=one-laptop') as unknown as Location;

/** Whether a click (`init`) on the text inside a link with these attributes leaves HERE. */
function follows(attributes: Record<string, string>, init: MouseEventInit = {}): boolean {
  const link = document.createElement('a');
  for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
  const text = document.createElement('span');
  link.append(text);
  document.body.append(link);
  const event = new MouseEvent('click', { button: 0, bubbles: true, ...init });
  Object.defineProperty(event, 'target', { value: text });
  return leavesPage(event, HERE);
}

afterEach(() => document.body.replaceChildren());

describe('leavesPage', () => {
  it('a plain click on a link to another page or site leaves this one', () => {
    expect(follows({ href: 'http://lab.test/claims/' })).toBe(true);
    expect(follows({ href: 'https://www.rfc-editor.org/rfc/rfc9051' })).toBe(true);
    expect(follows({ href: 'http://lab.test/claims/', target: '_self' })).toBe(true);
  });

  it('a link within this page, or to it with another query, does not', () => {
    expect(follows({ href: 'http://lab.test/?scenario=one-laptop#diagrams' })).toBe(false);
    expect(follows({ href: 'http://lab.test/?scenario=laptop-and-phone' })).toBe(false);
  });

  it('a link to another application (mail, telephone) does not', () => {
    expect(follows({ href: 'mailto:student@popvsimap.lab' })).toBe(false);
    expect(follows({ href: 'tel:+15550100' })).toBe(false);
  });

  it('a click that opens another tab or window, or saves the target, does not', () => {
    expect(follows({ href: 'http://lab.test/claims/', target: '_blank' })).toBe(false);
    expect(follows({ href: 'http://lab.test/claims/', download: '' })).toBe(false);
    for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const)
      expect(follows({ href: 'http://lab.test/claims/' }, { [modifier]: true }), modifier).toBe(false);
    expect(follows({ href: 'http://lab.test/claims/' }, { button: 1 })).toBe(false);
  });

  it('a click outside any link does not', () => {
    const event = new MouseEvent('click', { button: 0 });
    Object.defineProperty(event, 'target', { value: document.body });
    expect(leavesPage(event, HERE)).toBe(false);
  });
});
