import { FormEvent, useState } from 'react';
import { Button, makeStyles, TextField, Typography } from '@material-ui/core';
import { ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import { Alert } from '@material-ui/lab';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { devexApiRef } from '../../api/DevexApi';

const useStyles = makeStyles(theme => ({
  question: { marginBottom: theme.spacing(1) },
  scale: { display: 'flex', flexWrap: 'wrap' },
  scoreButton: { minWidth: 36, padding: theme.spacing(0.5, 1) },
  ends: {
    display: 'flex',
    justifyContent: 'space-between',
    color: theme.palette.text.secondary,
    marginTop: theme.spacing(0.5),
    maxWidth: 11 * 40,
  },
  comment: { marginTop: theme.spacing(2) },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
}));

const SCORES = Array.from({ length: 11 }, (_, score) => score);
const MAX_COMMENT = 2000;

/**
 * The pulse survey: how likely a developer is to recommend the platform (0–10) and why. Answers
 * are pseudonymous; the backend derives the respondent from the signed-in user. Without a card
 * around it, so a home page widget (which brings its own card) can show it too.
 */
export function PulseSurvey() {
  const classes = useStyles();
  const devexApi = useApi(devexApiRef);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'sending' }
    | { status: 'sent' }
    | { status: 'error'; message: string }
  >({ status: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      return;
    }
    setState({ status: 'sending' });
    try {
      const trimmedComment = comment.trim();
      await devexApi.submitSurvey({
        score,
        ...(trimmedComment ? { comment: trimmedComment } : {}),
      });
      setState({ status: 'sent' });
    } catch (error) {
      // A ResponseError's own message is only the status; the backend's reason is its cause.
      const reason = error?.cause?.message ?? error?.message ?? String(error);
      setState({ status: 'error', message: reason });
    }
  };

  if (state.status === 'sent') {
    return (
      <>
        <Alert severity="success">
          Thank you. Your answer ({score}/10) was recorded; the platform team
          reads every comment.
        </Alert>
        <Button
          className={classes.comment}
          onClick={() => {
            setScore(null);
            setComment('');
            setState({ status: 'idle' });
          }}
        >
          Answer again
        </Button>
      </>
    );
  }

  return (
    <form onSubmit={submit} aria-label="Pulse survey">
      <Typography className={classes.question} id="pulse-survey-question">
        How likely are you to recommend the Paved platform to a colleague?
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={score}
        onChange={(_, value) => setScore(value === null ? score : value)}
        aria-labelledby="pulse-survey-question"
        className={classes.scale}
      >
        {SCORES.map(value => (
          <ToggleButton
            key={value}
            value={value}
            className={classes.scoreButton}
            aria-label={`Score ${value}`}
          >
            {value}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <div className={classes.ends}>
        <Typography variant="caption">Not at all likely</Typography>
        <Typography variant="caption">Extremely likely</Typography>
      </div>
      <TextField
        id="pulse-survey-comment"
        className={classes.comment}
        label="What would make it better? (optional)"
        multiline
        minRows={2}
        fullWidth
        variant="outlined"
        value={comment}
        onChange={e => setComment(e.target.value.slice(0, MAX_COMMENT))}
        helperText={`${comment.length}/${MAX_COMMENT}`}
      />
      <div className={classes.actions}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={score === null || state.status === 'sending'}
        >
          {state.status === 'sending' ? 'Sending…' : 'Send'}
        </Button>
        {state.status === 'error' && (
          <Alert severity="error">Could not send: {state.message}</Alert>
        )}
      </div>
    </form>
  );
}

/** {@link PulseSurvey} in a card, for the /devex page. */
export function PulseSurveyCard() {
  return (
    <InfoCard
      title="Pulse survey"
      subheader="Takes ten seconds, helps the platform team"
    >
      <PulseSurvey />
    </InfoCard>
  );
}
