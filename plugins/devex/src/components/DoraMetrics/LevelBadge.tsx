import { makeStyles, Tooltip } from '@material-ui/core';
import type { DoraLevel } from '@paved/plugin-devex-common';

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-block',
    padding: theme.spacing(0.25, 1),
    borderRadius: 12,
    fontSize: '0.75rem',
    fontWeight: 600,
    letterSpacing: 0.4,
    textTransform: 'uppercase',
    lineHeight: 1.6,
    whiteSpace: 'nowrap',
  },
  elite: { backgroundColor: '#1b5e20', color: '#fff' },
  high: { backgroundColor: '#43a047', color: '#fff' },
  medium: { backgroundColor: '#f9a825', color: '#212121' },
  low: { backgroundColor: '#c62828', color: '#fff' },
  none: {
    backgroundColor: 'transparent',
    color: theme.palette.text.secondary,
    border: `1px dashed ${theme.palette.divider}`,
  },
}));

const LEVEL_LABELS: Record<DoraLevel, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/**
 * A DORA performance level, always with the report it was judged by ("Elite · DORA 2024"). A
 * metric without samples has no level: it reads "No level" rather than borrowing the colour of a
 * band it has not earned. Under a report without tiers (DORA 2025) it says so.
 */
export function LevelBadge(props: {
  level: DoraLevel | null | undefined;
  /** The band set's short name, e.g. "DORA 2024". */
  report?: string;
  /** False when the report has no tiers. */
  tiers?: boolean;
}) {
  const classes = useStyles();
  const { level, report, tiers = true } = props;
  const from = report ? ` · ${report}` : '';
  if (!tiers) {
    return (
      <Tooltip title="This report dropped performance tiers: values and trends only">
        <span
          className={`${classes.badge} ${classes.none}`}
          data-testid="level-badge"
        >
          No tiers{from.replace(' (no tiers)', '')}
        </span>
      </Tooltip>
    );
  }
  if (!level) {
    return (
      <Tooltip title="Not enough data in this window to place it in a DORA band">
        <span
          className={`${classes.badge} ${classes.none}`}
          data-testid="level-badge"
        >
          No level{from}
        </span>
      </Tooltip>
    );
  }
  return (
    <span
      className={`${classes.badge} ${classes[level]}`}
      data-testid="level-badge"
    >
      {LEVEL_LABELS[level]}
      {from}
    </span>
  );
}
