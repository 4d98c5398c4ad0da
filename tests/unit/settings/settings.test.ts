import { describe, expect, it } from 'vitest';
import { defaultSettings, isActiveOn, parseSettings, settingsSchema, type Settings } from '../../../lib/settings/settings';

describe('settings', () => {
  it('the defaults are valid settings, and what an empty object reads as', () => {
    expect(settingsSchema().parse(defaultSettings())).toEqual(defaultSettings());
    expect(parseSettings({})).toEqual(defaultSettings());
  });

  it('gives a fresh copy of the defaults each time', () => {
    const first = defaultSettings();
    first.kinds.pop();
    first.disabledSites.push('example.com');
    expect(defaultSettings().kinds).toHaveLength(4);
    expect(defaultSettings().disabledSites).toEqual([]);
  });

  it.each([
    ['nothing stored reads as the defaults', undefined],
    ['null reads as the defaults', null],
    ['a value of the wrong type reads as the defaults', 'on'],
    ['a list reads as the defaults', ['enabled']],
  ])('%s', (_, raw) => {
    expect(parseSettings(raw)).toEqual(defaultSettings());
  });

  it.each<[string, Record<string, unknown>, Partial<Settings>]>([
    [
      'an out-of-range dwell time falls back alone, keeping the sites switched off',
      { dwellMs: 60_000, disabledSites: ['bbc.co.uk'], enabled: false },
      { disabledSites: ['bbc.co.uk'], enabled: false },
    ],
    [
      'a bad entry in the sites switched off is dropped, the others kept',
      { disabledSites: ['bbc.co.uk', 42, '', 'x'.repeat(300), 'cnn.com'] },
      { disabledSites: ['bbc.co.uk', 'cnn.com'] },
    ],
    ['an unknown kind is dropped, the other kinds kept', { kinds: ['person', 'animal'] }, { kinds: ['person'] }],
    ['a list of the wrong type falls back alone', { enabledSites: 'example.com', dwellMs: 50 }, { dwellMs: 50 }],
    ['an unknown style falls back alone', { highlightStyle: 'blink', laterFacts: 'hide' }, { laterFacts: 'hide' }],
    ['the first mention only, kept; an unknown choice of marks falls back alone', { marks: 'first' }, { marks: 'first' }],
    ['an unknown choice of marks falls back alone', { marks: 'some', dwellMs: 10 }, { dwellMs: 10 }],
    ['unknown fields are ignored', { theme: 'dark', enabled: false }, { enabled: false }],
    ['a field inherited from the prototype is not read', Object.create({ enabled: false }) as Record<string, unknown>, {}],
  ])('%s', (_, raw, expected) => {
    expect(parseSettings(raw)).toEqual({ ...defaultSettings(), ...expected });
  });

  it('keeps valid stored values and fills in the rest', () => {
    const parsed = parseSettings({ dwellMs: 0, highlightStyle: 'background', disabledSites: ['bbc.co.uk'] });
    expect(parsed).toEqual({ ...defaultSettings(), dwellMs: 0, highlightStyle: 'background', disabledSites: ['bbc.co.uk'] });
  });

  it('builds its schema once', () => {
    expect(settingsSchema()).toBe(settingsSchema());
  });
});

describe('isActiveOn', () => {
  const with_ = (change: Partial<Settings>): Settings => ({ ...defaultSettings(), ...change });
  it.each([
    ['a curated site by default', with_({}), 'www.bbc.co.uk', true, true],
    ['not an unlisted site', with_({}), 'example.com', false, false],
    ['an unlisted site the user enabled, and its subdomains', with_({ enabledSites: ['example.com'] }), 'news.example.com', false, true],
    ['not a curated site the user disabled', with_({ disabledSites: ['bbc.co.uk'] }), 'www.BBC.co.uk', true, false],
    ['nowhere when switched off', with_({ enabled: false }), 'www.bbc.co.uk', true, false],
    ['not a look-alike host', with_({ enabledSites: ['example.com'] }), 'badexample.com', false, false],
  ])('%s', (_, settings, host, curated, expected) => {
    expect(isActiveOn(settings, host, curated)).toBe(expected);
  });
});
