import { describe, expect, it } from 'vitest';
import { compareDates, isAfter, roleAsOf } from '../../../lib/card/as-of';
import type { Role } from '../../../lib/schema/dataset';

describe('compareDates', () => {
  it.each([
    ['a year sorts before a later year', '2023', '2024', -1],
    ['a year sorts before a month of it', '2023', '2023-11', -1],
    ['a month sorts before a day of it', '2023-11', '2023-11-05', -1],
    ['days sort by day, not as text of unequal length', '2023-11-05', '2023-11-15', -1],
    ['December comes after November', '2023-12-01', '2023-11-30', 1],
    ['equal dates are equal', '2024-02-15', '2024-02-15', 0],
    ['a missing date sorts first', undefined, '1999', -1],
  ] as const)('%s', (_, a, b, expected) => {
    expect(Math.sign(compareDates(a, b))).toBe(expected);
    expect(Math.sign(compareDates(b, a))).toBe(expected === 0 ? 0 : -expected);
  });

  it('sorts a mixed list of partial dates chronologically', () => {
    const dates = ['2024-01-20', '2023', '2023-10-07', '2023-11', '2024', '2023-11-24'];
    expect([...dates].sort(compareDates)).toEqual(['2023', '2023-10-07', '2023-11', '2023-11-24', '2024', '2024-01-20']);
  });
});

describe('isAfter', () => {
  it.each([
    ['a fact from after the article is later', '2024-02-01', '2023-11-05', true],
    ['a fact from before the article is not', '2023-10-07', '2023-11-05', false],
    ['a month is compared at month precision', '2023-11', '2023-11-05', false],
    ['a year is compared at year precision', '2024', '2023-11-05', true],
    ['no page date: nothing is later', '2030-01-01', undefined, false],
    ['no fact date: nothing is later', undefined, '2023-11-05', false],
  ] as const)('%s', (_, date, pageDate, expected) => {
    expect(isAfter(date, pageDate)).toBe(expected);
  });
});

describe('roleAsOf', () => {
  const minister: Role = { title: 'Defence minister', from: '2022-12-29' };
  const envoy: Role = { title: 'Special envoy', from: '2024-03' };
  const adviser: Role = { title: 'Adviser', asOf: '2023-11-01' };

  it('shows the latest role that had begun by the page date', () => {
    expect(roleAsOf([envoy, minister, adviser], '2023-12-01')).toEqual({ role: adviser, later: false });
  });

  it('shows the latest role overall without a page date, whatever the order given', () => {
    expect(roleAsOf([envoy, minister, adviser], undefined)).toEqual({ role: envoy, later: false });
  });

  it('skips a role that had ended by the page date', () => {
    const ended: Role = { title: 'Chief of staff', from: '2023-01', to: '2023-06' };
    expect(roleAsOf([minister, ended], '2023-09-01')).toEqual({ role: minister, later: false });
  });

  it('labels the earliest role as later when none had begun', () => {
    expect(roleAsOf([envoy], '2023-11-05')).toEqual({ role: envoy, later: true });
  });

  it('has no role for an empty list', () => {
    expect(roleAsOf([], '2023-11-05')).toEqual({ role: undefined, later: false });
  });
});
