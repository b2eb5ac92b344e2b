/**
 * Display formats shared by cards, tables and charts. `null` means "no samples" and is never
 * turned into a number here; callers show "No data" instead.
 */

/** "42 min", "5.3 h", "3.1 days". */
export function formatHours(hours: number): string {
  if (hours < 1) {
    return `${Math.max(1, Math.round(hours * 60))} min`;
  }
  if (hours < 48) {
    return `${trimmed(hours)} h`;
  }
  return `${trimmed(hours / 24)} days`;
}

/** "12.5 %". */
export function formatPercent(ratio: number): string {
  return `${trimmed(ratio * 100)} %`;
}

/** "3.2 / week"; below one a week reads better per month ("2.1 / month"). */
export function formatPerWeek(perWeek: number): string {
  if (perWeek > 0 && perWeek < 1) {
    return `${trimmed((perWeek * 52) / 12)} / month`;
  }
  return `${trimmed(perWeek)} / week`;
}

/** One decimal under 10, whole numbers above: "4.5", "37". */
export function trimmed(value: number): string {
  const rounded =
    Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return rounded.toLocaleString(undefined, { maximumFractionDigits: 1 });
}

/** "23 Nov, 14:05" in the viewer's time zone. */
export function formatTimestamp(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "1 sample", "3 samples". */
export function plural(
  count: number,
  singular: string,
  pluralForm?: string,
): string {
  return `${count.toLocaleString()} ${
    count === 1 ? singular : pluralForm ?? `${singular}s`
  }`;
}
