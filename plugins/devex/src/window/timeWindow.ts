/**
 * The reporting window of the dashboard. DORA counts deployments in [from, to), so `to` is
 * exclusive. Windows are whole local days: "the last 30 days" means today and the 29 days before
 * it in the viewer's time zone, not 720 hours back from the current minute, so a figure does not
 * change between two page loads of the same day.
 */
export type WindowPreset = '30' | '90' | '180' | 'custom';

/** @public */
export interface TimeWindow {
  preset: WindowPreset;
  from: Date;
  to: Date;
}

export const WINDOW_PRESETS: ReadonlyArray<{
  value: WindowPreset;
  label: string;
}> = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '180 days' },
  { value: 'custom', label: 'Custom' },
];

const DAY_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

function startOfLocalDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function addLocalDays(date: Date, days: number): Date {
  // setDate keeps local midnight across daylight-saving changes, unlike adding 24h multiples.
  const next = new Date(date.getTime());
  next.setDate(next.getDate() + days);
  return next;
}

/** A window of the last `days` local days, today included. */
export function lastDays(days: number, now: Date = new Date()): TimeWindow {
  const to = addLocalDays(startOfLocalDay(now), 1);
  const preset = String(days) as WindowPreset;
  return { preset, from: addLocalDays(to, -days), to };
}

/** Parses `YYYY-MM-DD` as local midnight; undefined for anything else or an impossible date. */
export function parseDayInput(
  value: string | null | undefined,
): Date | undefined {
  const match = value ? DAY_INPUT.exec(value) : null;
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
  ];
  const date = new Date(year, month - 1, day);
  if (
    date.getFullYear() !== year ||
    date.getMonth() !== month - 1 ||
    date.getDate() !== day
  ) {
    return undefined;
  }
  return date;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `YYYY-MM-DD` of a date in local time, as date inputs expect. */
export function formatDayInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/**
 * A custom window from two inclusive local days; undefined when either is missing or the range
 * is reversed.
 */
export function customWindow(
  fromDay: string | null | undefined,
  toDay: string | null | undefined,
): TimeWindow | undefined {
  const from = parseDayInput(fromDay);
  const lastDay = parseDayInput(toDay);
  if (!from || !lastDay || lastDay < from) {
    return undefined;
  }
  return { preset: 'custom', from, to: addLocalDays(lastDay, 1) };
}

/**
 * RFC 3339 with the viewer's own offset (`2026-11-23T00:00:00+01:00`): the instant is the same
 * as in UTC, but the backend and anyone reading a URL see which local midnight was meant.
 */
export function toRfc3339Local(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(
      date.getSeconds(),
    )}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The viewer's IANA time zone, for week buckets that start on the viewer's Monday. */
export function viewerTimeZone(): string | undefined {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** "1 Sep – 29 Nov 2026": the inclusive days a window covers. */
export function describeWindow(window: TimeWindow): string {
  const lastDay = addLocalDays(window.to, -1);
  const sameYear = window.from.getFullYear() === lastDay.getFullYear();
  const fromText = window.from.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
  const toText = lastDay.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return `${fromText} – ${toText}`;
}
