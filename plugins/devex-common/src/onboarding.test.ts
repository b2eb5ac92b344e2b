import { parseStartDate, personSchema } from './onboarding';

describe('parseStartDate', () => {
  it('reads a date as the start of that day in UTC, and a timestamp with its offset', () => {
    expect(parseStartDate('2026-11-02')).toBe(
      Date.parse('2026-11-02T00:00:00Z'),
    );
    expect(parseStartDate(' 2026-11-02 ')).toBe(
      Date.parse('2026-11-02T00:00:00Z'),
    );
    expect(parseStartDate('2026-11-02T09:00:00+02:00')).toBe(
      Date.parse('2026-11-02T07:00:00Z'),
    );
  });

  it('ignores what is not a date: no such day, no offset, not a string', () => {
    expect(parseStartDate('2026-02-30')).toBeUndefined();
    expect(parseStartDate('2026-11-02T09:00:00')).toBeUndefined();
    expect(parseStartDate('next monday')).toBeUndefined();
    expect(parseStartDate(20261102)).toBeUndefined();
    expect(parseStartDate(undefined)).toBeUndefined();
  });
});

describe('personSchema', () => {
  it('accepts a user entity ref or a login', () => {
    for (const value of [
      'user:default/sam.rivera',
      'sam-r',
      'dependabot[bot]',
    ]) {
      expect(personSchema.safeParse(value).success).toBe(true);
    }
  });

  it('refuses other entity kinds, spaces and empty values', () => {
    for (const value of [
      'group:default/payments',
      'user:sam',
      'sam rivera',
      '',
    ]) {
      expect(personSchema.safeParse(value).success).toBe(false);
    }
  });
});
