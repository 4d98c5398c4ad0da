// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CardHost } from '../../../entrypoints/card/card-host';
import type { CardContent } from '../../../lib/card/card-view';
import bundled from '../../../data/backstory.json';
import type { Dataset } from '../../../lib/schema/dataset';

const entity = (bundled as unknown as Dataset).entities.find((e) => e.name === 'Antony Blinken')!;

function content(): CardContent {
  return { entity, sources: new Map(), lookup: () => undefined, onOpenEntity: () => undefined };
}

function newHost(signal = new AbortController().signal) {
  return new CardHost(document, { onPointerEnter: () => undefined, onPointerLeave: () => undefined, onKeyDown: () => undefined }, signal);
}

describe('card host', () => {
  it('prewarms without touching the page', () => {
    document.body.innerHTML = '<p>Antony Blinken arrived.</p>';
    const before = document.documentElement.outerHTML;
    const host = newHost();
    const steps = host.prewarmSteps(content());
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) step();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.querySelector('backstory-card')).toBeNull();
    expect(host.isOpen).toBe(false);
  });

  it('shows the card after a prewarm, in its own shadow root, named for the entity', () => {
    document.body.innerHTML = '<p>Antony Blinken arrived.</p>';
    const session = new AbortController();
    const host = newHost(session.signal);
    for (const step of host.prewarmSteps(content())) step();
    host.show(content(), { left: 10, top: 10, right: 100, bottom: 30 }, false);
    const element = document.querySelector('backstory-card');
    const dialog = element?.shadowRoot?.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('bs-card-name');
    expect(element?.shadowRoot?.getElementById('bs-card-name')?.textContent).toBe('Antony Blinken');
    expect(host.isOpen).toBe(true);
    session.abort();
    expect(document.querySelector('backstory-card')).toBeNull();
  });

  it('leaves the page when its signal aborts and never comes back', () => {
    document.body.innerHTML = '<p>Antony Blinken arrived.</p>';
    const session = new AbortController();
    const host = newHost(session.signal);
    host.show(content(), { left: 10, top: 10, right: 100, bottom: 30 }, false);
    session.abort();
    expect(document.querySelector('backstory-card')).toBeNull();
    expect(host.isOpen).toBe(false);
    host.show(content(), { left: 10, top: 10, right: 100, bottom: 30 }, false);
    expect(document.querySelector('backstory-card')).toBeNull();
    expect(host.isOpen).toBe(false);
  });
});
