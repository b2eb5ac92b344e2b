import { ReactNode } from 'react';
import {
  Card,
  CardContent,
  makeStyles,
  Tooltip,
  Typography,
} from '@material-ui/core';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import type { DoraLevel } from '@paved/plugin-devex-common';
import { LevelBadge } from './LevelBadge';

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    borderTop: `4px solid ${theme.palette.divider}`,
  },
  elite: { borderTopColor: '#1b5e20' },
  high: { borderTopColor: '#43a047' },
  medium: { borderTopColor: '#f9a825' },
  low: { borderTopColor: '#c62828' },
  content: {
    flex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
  valueRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  title: {
    fontSize: '0.8rem',
    fontWeight: 600,
    textTransform: 'uppercase',
    letterSpacing: 0.5,
    color: theme.palette.text.secondary,
    // Two lines for every title, so the figures of a row of cards line up.
    minHeight: '2.6em',
    lineHeight: 1.3,
  },
  info: {
    fontSize: '1rem',
    cursor: 'help',
    marginLeft: theme.spacing(0.5),
    verticalAlign: 'text-bottom',
  },
  value: { fontSize: '2rem', fontWeight: 600, lineHeight: 1.2 },
  noData: {
    fontSize: '1.5rem',
    fontWeight: 500,
    lineHeight: 1.6,
    color: theme.palette.text.secondary,
  },
  detail: { color: theme.palette.text.secondary },
  tooltip: { whiteSpace: 'pre-line', fontSize: '0.8rem', maxWidth: 360 },
}));

export interface MetricCardProps {
  title: string;
  /** The definition and the level bands, shown on hover of the info icon. */
  definition: NonNullable<ReactNode>;
  /** The headline figure, or `null` when the window holds no samples. */
  value: string | null;
  detail: ReactNode;
  /** `undefined` for a metric without DORA bands (rework rate). */
  level?: DoraLevel | null;
  /** The report the level was judged by, named on the badge. */
  levelSource?: { title: string; tiers: boolean };
  testId?: string;
}

/** One DORA metric: headline figure, the samples behind it and its performance level. */
export function MetricCard(props: MetricCardProps) {
  const classes = useStyles();
  const { title, definition, value, detail, level, levelSource, testId } =
    props;
  const levelClass = level ? classes[level] : '';
  return (
    <Card
      className={`${classes.card} ${levelClass}`}
      data-testid={testId}
      aria-label={title}
      role="region"
    >
      <CardContent className={classes.content}>
        <Typography component="h3" className={classes.title}>
          {title}
          <Tooltip
            title={definition}
            classes={{ tooltip: classes.tooltip }}
            interactive
          >
            <InfoOutlined
              className={classes.info}
              aria-label={`How ${title.toLowerCase()} is measured`}
            />
          </Tooltip>
        </Typography>
        <div className={classes.valueRow}>
          {value === null ? (
            <Typography className={classes.noData} data-testid="metric-value">
              No data
            </Typography>
          ) : (
            <Typography className={classes.value} data-testid="metric-value">
              {value}
            </Typography>
          )}
          {level !== undefined && (
            <LevelBadge
              level={level}
              report={levelSource?.title}
              tiers={levelSource?.tiers}
            />
          )}
        </div>
        <Typography variant="body2" className={classes.detail}>
          {detail}
        </Typography>
      </CardContent>
    </Card>
  );
}
