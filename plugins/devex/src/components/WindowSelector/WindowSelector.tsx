import { useEffect, useState } from 'react';
import { makeStyles, TextField, Typography } from '@material-ui/core';
import { ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import {
  customWindow,
  describeWindow,
  formatDayInput,
  TimeWindow,
  WINDOW_PRESETS,
  WindowPreset,
} from '../../window/timeWindow';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
  },
  day: { width: 160 },
  range: { color: theme.palette.text.secondary },
}));

export interface WindowSelectorProps {
  window: TimeWindow;
  onPreset(preset: Exclude<WindowPreset, 'custom'>): void;
  onCustom(fromDay: string, toDay: string): void;
}

/** 30, 90 or 180 days back from today, or any range of whole days. */
export function WindowSelector(props: WindowSelectorProps) {
  const classes = useStyles();
  const { window, onPreset, onCustom } = props;
  const lastDay = new Date(window.to.getTime() - 1);
  const [fromDay, setFromDay] = useState(formatDayInput(window.from));
  const [toDay, setToDay] = useState(formatDayInput(lastDay));
  const [editing, setEditing] = useState(window.preset === 'custom');

  useEffect(() => {
    setFromDay(formatDayInput(window.from));
    setToDay(formatDayInput(new Date(window.to.getTime() - 1)));
  }, [window.from, window.to]);

  const customValid = customWindow(fromDay, toDay) !== undefined;
  const applyCustom = (nextFrom: string, nextTo: string) => {
    if (customWindow(nextFrom, nextTo)) {
      onCustom(nextFrom, nextTo);
    }
  };

  return (
    <div className={classes.root} data-testid="window-selector">
      <ToggleButtonGroup
        exclusive
        size="small"
        value={editing ? 'custom' : window.preset}
        aria-label="Reporting window"
        onChange={(_, value: WindowPreset | null) => {
          if (!value) return;
          if (value === 'custom') {
            setEditing(true);
            applyCustom(fromDay, toDay);
          } else {
            setEditing(false);
            onPreset(value);
          }
        }}
      >
        {WINDOW_PRESETS.map(preset => (
          <ToggleButton key={preset.value} value={preset.value}>
            {preset.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {editing && (
        <>
          <TextField
            className={classes.day}
            type="date"
            size="small"
            variant="outlined"
            label="From"
            InputLabelProps={{ shrink: true }}
            value={fromDay}
            error={!customValid}
            onChange={e => {
              setFromDay(e.target.value);
              applyCustom(e.target.value, toDay);
            }}
          />
          <TextField
            className={classes.day}
            type="date"
            size="small"
            variant="outlined"
            label="To (inclusive)"
            InputLabelProps={{ shrink: true }}
            value={toDay}
            error={!customValid}
            helperText={customValid ? undefined : 'From must not be after To'}
            onChange={e => {
              setToDay(e.target.value);
              applyCustom(fromDay, e.target.value);
            }}
          />
        </>
      )}
      <Typography
        variant="body2"
        className={classes.range}
        data-testid="window-range"
      >
        {describeWindow(window)}
      </Typography>
    </div>
  );
}
