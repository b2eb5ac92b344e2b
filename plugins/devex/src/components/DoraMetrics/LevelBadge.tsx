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
 * A DORA performance level. A metric without samples has no level: it reads "No level" rather
 * than borrowing the colour of a band it has not earned.
 */
export function LevelBadge(props: { level: DoraLevel | null | undefined }) {
  const classes = useStyles();
  const { level } = props;
  if (!level) {
    return (
      <Tooltip title="Not enough data in this window to place it in a DORA band">
        <span
          className={`${classes.badge} ${classes.none}`}
          data-testid="level-badge"
        >
          No level
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
    </span>
  );
}
