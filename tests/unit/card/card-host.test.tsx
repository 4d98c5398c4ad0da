// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { CardHost } from '../../../entrypoints/card/card-host';
import type { CardContent } from '../../../lib/card/card-view';
import bundled from '../../../data/backstory.json';
import type { Dataset } from '../../../lib/schema/dataset';

const entity = (bundled as unknown as Dataset).entities.find((e) => e.name === 'Antony Blinken')!;

function content(): CardContent {
  return { entity, sources: new Map(), lookup: () => undefined, onOpenEntity: () => undefined };
}

/** The task after the next frame: a card shown before it has all of it by then. */
const afterNextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The labels of the card's sections, in order, and whether its correction controls are in. */
function cardParts() {
  const root = document.querySelector('backstory-card')?.shadowRoot;
  return {
    sections: Array.from(root?.querySelectorAll('[role="dialog"] [aria-label]') ?? []).map((element) => element.getAttribute('aria-label')),
    correction: !!root?.querySelector('.bs-fix'),
  };
}

function newHost(signal = new AbortController().signal) {
  return new CardHost(document, { onPointerEnter: () => undefined, onPointerLeave: () => undefined, onKeyDown: () => undefined }, signal);
}

describe('card host', () => {
  beforeEach(() => {
    for (const left of document.querySelectorAll('backstory-card')) left.remove();
  });

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

  it('shows the head, the summary and the first list at once, and the rest of the card after the next frame', async () => {
    document.body.innerHTML = '<p>Antony Blinken arrived.</p>';
    const host = newHost();
    const correction = { text: 'Blinken', site: 'example.com', onCorrect: () => Promise.reject(new Error('unused')) };
    host.show({ ...content(), correction }, { left: 10, top: 10, right: 100, bottom: 30 }, false);
    expect(cardParts()).toEqual({ sections: ['Facts and figures'], correction: false });
    expect(document.querySelector('backstory-card')?.shadowRoot?.getElementById('bs-card-name')?.textContent).toBe('Antony Blinken');
    await afterNextFrame();
    expect(cardParts()).toEqual({ sections: ['Facts and figures', 'Quotes', 'Timeline', 'Related', 'Sources'], correction: true });
  });

  it('takes the first list the entity has into the first part', () => {
    document.body.innerHTML = '<p>Antony Blinken arrived.</p>';
    const host = newHost();
    const named = (name: string) => (bundled as unknown as Dataset).entities.find((e) => e.name === name)!;
    host.show(
      { ...content(), entity: named('Palestinian Center for Policy and Survey Research') },
      { left: 10, top: 10, right: 100, bottom: 30 },
      false,
    );
    expect(cardParts().sections).toEqual(['Quotes']);
    host.show({ ...content(), entity: named('Ismail Haniyeh') }, { left: 10, top: 10, right: 100, bottom: 30 }, false);
    expect(cardParts().sections).toEqual(['Timeline']);
  });

  it('drops the rest of a card that was closed, or replaced by another, before its frame', async () => {
    document.body.innerHTML = '<p>Antony Blinken arrived.</p>';
    const host = newHost();
    host.show(content(), { left: 10, top: 10, right: 100, bottom: 30 }, false);
    host.hide();
    await afterNextFrame();
    expect(document.querySelector('backstory-card')?.shadowRoot?.querySelector('[role="dialog"]')).toBeNull();

    const other = (bundled as unknown as Dataset).entities.find((e) => e.name === 'Benjamin Netanyahu')!;
    host.show(content(), { left: 10, top: 10, right: 100, bottom: 30 }, false);
    host.show({ ...content(), entity: other }, { left: 10, top: 10, right: 100, bottom: 30 }, false);
    await afterNextFrame();
    expect(document.querySelector('backstory-card')?.shadowRoot?.getElementById('bs-card-name')?.textContent).toBe('Benjamin Netanyahu');
  });

  it('chooses the side of the anchor for the full card, and keeps it as the card grows', async () => {
    document.body.innerHTML = '<p>Antony Blinken arrived.</p>';
    const host = newHost();
    // Room below for a short first part (happy-dom lays nothing out: it measures 0 px), not for a full card.
    const top = window.innerHeight - 300;
    host.show(content(), { left: 10, top, right: 100, bottom: top + 20 }, false);
    const pop = () => document.querySelector('backstory-card')!.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(pop().dataset.side).toBe('above');
    await afterNextFrame();
    expect(pop().dataset.side).toBe('above');
  });
});
