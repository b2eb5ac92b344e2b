import {
  customWindow,
  describeWindow,
  lastDays,
  parseDayInput,
  toRfc3339Local,
} from './timeWindow';

describe('timeWindow', () => {
  const now = new Date(2026, 10, 23, 15, 42); // 23 Nov 2026, 15:42 local

  it('covers whole local days up to and including today', () => {
    const window = lastDays(30, now);
    expect(window.preset).toBe('30');
    expect(window.to).toEqual(new Date(2026, 10, 24));
    expect(window.from).toEqual(new Date(2026, 9, 25));
  });

  it('makes a custom window with an exclusive end after the last day', () => {
    const window = customWindow('2026-09-01', '2026-09-30');
    expect(window).toEqual({
      preset: 'custom',
      from: new Date(2026, 8, 1),
      to: new Date(2026, 9, 1),
    });
    expect(describeWindow(window!)).toMatch(/Sept? 2026|2026/);
  });

  it('rejects reversed, malformed and impossible days', () => {
    expect(customWindow('2026-09-30', '2026-09-01')).toBeUndefined();
    expect(customWindow('2026-9-1', '2026-09-30')).toBeUndefined();
    expect(customWindow(null, '2026-09-30')).toBeUndefined();
    expect(parseDayInput('2026-02-30')).toBeUndefined();
    expect(parseDayInput('2026-02-28')).toEqual(new Date(2026, 1, 28));
  });

  it('writes RFC 3339 with the local offset for the same instant', () => {
    const date = new Date(2026, 10, 23, 0, 0, 0);
    const text = toRfc3339Local(date);
    expect(text).toMatch(/^2026-11-23T00:00:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(text)).toBe(date.getTime());
  });
});
