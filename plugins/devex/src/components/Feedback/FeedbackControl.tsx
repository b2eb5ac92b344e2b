import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Fab,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import FeedbackOutlined from '@material-ui/icons/FeedbackOutlined';
import { Alert } from '@material-ui/lab';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  FEEDBACK_ACTION_MAX,
  FEEDBACK_COMMENT_MAX,
  FEEDBACK_PAGE_MAX,
  FeedbackCategory,
  feedbackCategories,
  feedbackCategoryTitles,
} from '@paved/plugin-devex-common';
import { devexApiRef } from '../../api/DevexApi';
import { FEEDBACK_CONTROL_ATTRIBUTE, describeClick } from './lastAction';

const useStyles = makeStyles(theme => ({
  // A tab on the right edge, half way down: clear of the forms' Next/Create/Review buttons and
  // the tables' pagination at the bottom of the page.
  fab: {
    position: 'fixed',
    right: 0,
    top: '50%',
    borderTopRightRadius: 0,
    borderBottomRightRadius: 0,
    zIndex: theme.zIndex.snackbar - 1,
  },
  icon: { marginRight: theme.spacing(1) },
  field: { marginTop: theme.spacing(2) },
  context: { marginTop: theme.spacing(2), color: theme.palette.text.secondary },
}));

const RATINGS = [1, 2, 3, 4, 5] as const;
const RATING_LABELS = ['Very poor', 'Poor', 'OK', 'Good', 'Very good'];

/** The page as a path the backend accepts (no query or fragment, which can carry tokens). */
function currentPage(): string {
  return window.location.pathname.slice(0, FEEDBACK_PAGE_MAX) || '/';
}

/**
 * A feedback button on every page of the portal (an app root element). The person rates the
 * page 1–5, picks a category and may comment; the page and their last action go with it, as the
 * dialog says. Shown only once someone is signed in.
 */
export function FeedbackControl() {
  const classes = useStyles();
  const devexApi = useApi(devexApiRef);
  const identityApi = useApi(identityApiRef);
  const signedIn = useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    return identity.userEntityRef.startsWith('user:');
  }, [identityApi]);
  const lastAction = useRef<{ page: string; action: string } | undefined>();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState('/');
  const [action, setAction] = useState<string | undefined>();
  const [rating, setRating] = useState<number | undefined>();
  const [category, setCategory] = useState<FeedbackCategory | ''>('');
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<
    { severity: 'success' | 'error'; message: string } | undefined
  >();

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const clicked = describeClick(event.target);
      if (clicked)
        lastAction.current = { page: currentPage(), action: clicked };
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);

  if (!signedIn.value) return null;

  const openDialog = () => {
    const here = currentPage();
    setPage(here);
    // Frozen when the dialog opens: clicks inside it (its menus render elsewhere) are not it.
    setAction(
      lastAction.current?.page === here ? lastAction.current.action : undefined,
    );
    setRating(undefined);
    setCategory('');
    setComment('');
    setOutcome(undefined);
    setOpen(true);
  };

  const send = async () => {
    if (rating === undefined || category === '') return;
    setSending(true);
    try {
      const receipt = await devexApi.submitFeedback({
        rating,
        category,
        page,
        comment: comment.trim() || undefined,
        lastAction: action?.slice(0, FEEDBACK_ACTION_MAX),
      });
      setOutcome({
        severity: 'success',
        message: receipt.duplicate
          ? 'We already have this feedback, thank you.'
          : 'Thank you: the platform team reads every piece of feedback.',
      });
    } catch (error) {
      setOutcome({
        severity: 'error',
        message: `Your feedback was not sent: ${(error as Error).message}`,
      });
    } finally {
      setSending(false);
    }
  };

  const sent = outcome?.severity === 'success';
  return (
    <div {...{ [FEEDBACK_CONTROL_ATTRIBUTE]: true }}>
      <Fab
        color="primary"
        size="small"
        title="Give feedback on this page"
        className={classes.fab}
        onClick={openDialog}
        aria-label="Give feedback on this page"
      >
        <FeedbackOutlined />
      </Fab>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="paved-feedback-title"
        fullWidth
        maxWidth="sm"
        {...{ [FEEDBACK_CONTROL_ATTRIBUTE]: true }}
      >
        <DialogTitle id="paved-feedback-title">
          Feedback on this page
        </DialogTitle>
        <DialogContent>
          <FormControl component="fieldset" disabled={sent}>
            <FormLabel component="legend">How was this page?</FormLabel>
            <RadioGroup
              row
              aria-label="Rating from 1 (very poor) to 5 (very good)"
              value={rating === undefined ? '' : String(rating)}
              onChange={e => setRating(Number(e.target.value))}
            >
              {RATINGS.map(r => (
                <FormControlLabel
                  key={r}
                  value={String(r)}
                  control={<Radio />}
                  label={`${r}`}
                  title={RATING_LABELS[r - 1]}
                  aria-label={`${r} – ${RATING_LABELS[r - 1]}`}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField
            select
            fullWidth
            id="paved-feedback-category"
            label="Category"
            className={classes.field}
            value={category}
            disabled={sent}
            onChange={e => setCategory(e.target.value as FeedbackCategory)}
            inputProps={{ 'data-testid': 'feedback-category' }}
          >
            {feedbackCategories.map(c => (
              <MenuItem key={c} value={c}>
                {feedbackCategoryTitles[c]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth
            multiline
            minRows={3}
            id="paved-feedback-comment"
            label="Comment (optional)"
            className={classes.field}
            value={comment}
            disabled={sent}
            onChange={e => setComment(e.target.value)}
            inputProps={{ maxLength: FEEDBACK_COMMENT_MAX }}
          />
          <Typography variant="body2" className={classes.context}>
            Sent with your name, this page ({page})
            {action ? ` and your last action (${action})` : ''}. A rating of 1
            or 2 reaches the platform team at once.
          </Typography>
          {outcome && (
            <Alert severity={outcome.severity} className={classes.field}>
              {outcome.message}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>
            {sent ? 'Close' : 'Cancel'}
          </Button>
          {!sent && (
            <Button
              color="primary"
              variant="contained"
              disabled={sending || rating === undefined || category === ''}
              onClick={send}
            >
              Send feedback
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </div>
  );
}
