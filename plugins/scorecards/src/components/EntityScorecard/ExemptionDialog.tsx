import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import type { EntityCheckResult } from '@paved/plugin-scorecards-common';

const DAY = 86_400_000;

/** Asks for an exemption from one check: a reason and an expiry (30 days by default, at most a year). */
export function ExemptionDialog(props: {
  check: EntityCheckResult;
  onClose: () => void;
  onSubmit: (reason: string, expiresAt: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(
    new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
  );
  const tooShort = reason.trim().length < 10;
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>Ask for an exemption from “{props.check.title}”</DialogTitle>
      <DialogContent>
        <TextField
          label="Why"
          helperText="At least 10 characters; the platform team reads it before approving"
          multiline
          minRows={3}
          fullWidth
          value={reason}
          onChange={e => setReason(e.target.value)}
          margin="normal"
        />
        <TextField
          label="Until"
          type="date"
          value={until}
          onChange={e => setUntil(e.target.value)}
          InputLabelProps={{ shrink: true }}
          inputProps={{
            min: new Date(Date.now() + DAY).toISOString().slice(0, 10),
            max: new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10),
          }}
          margin="normal"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={tooShort || !until}
          onClick={() =>
            props.onSubmit(
              reason.trim(),
              new Date(`${until}T23:59:59Z`).toISOString(),
            )
          }
        >
          Ask
        </Button>
      </DialogActions>
    </Dialog>
  );
}
