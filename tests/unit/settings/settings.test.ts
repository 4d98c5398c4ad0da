import { describe, expect, it } from 'vitest';
import { defaultSettings, isActiveOn, parseSettings, settingsSchema, type Settings } from '../../../lib/settings/settings';

describe('settings', () => {
  it('the defaults are what the schema makes of an empty object', () => {
    expect(defaultSettings()).toEqual(settingsSchema().parse({}));
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
    ['an out-of-range dwell time reads as the defaults', { dwellMs: 60_000 }],
    ['an unknown kind reads as the defaults', { kinds: ['person', 'animal'] }],
  ])('%s', (_, raw) => {
    expect(parseSettings(raw)).toEqual(defaultSettings());
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
