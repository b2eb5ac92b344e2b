import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { ScorecardLevel } from '@paved/plugin-scorecards-common';

const COLOURS: Record<
  ScorecardLevel | 'none',
  { background: string; color: string }
> = {
  none: { background: '#eceff1', color: '#37474f' },
  bronze: { background: '#e8c4a0', color: '#4e2a0c' },
  silver: { background: '#d5dbe1', color: '#263238' },
  gold: { background: '#f6d67a', color: '#4a3800' },
};

const useStyles = makeStyles({
  chip: { fontWeight: 600, textTransform: 'capitalize' },
});

/** A level as a coloured chip; `null` reads "No level" (below bronze). */
export function LevelChip(props: {
  level: ScorecardLevel | null;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  const key = props.level ?? 'none';
  return (
    <Chip
      className={classes.chip}
      size={props.size ?? 'small'}
      label={props.level ?? 'No level'}
      style={COLOURS[key]}
      data-testid={`level-${key}`}
    />
  );
}
