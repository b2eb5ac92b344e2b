import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type { CreateCampaignRequest } from '@paved/plugin-scorecards-common';
import { scorecardsApiRef } from '../../api/ScorecardsApi';

/** A new campaign: title, check, the owning teams it targets, and a deadline (platform team only). */
export function NewCampaignDialog(props: {
  onClose: () => void;
  onCreate: (body: CreateCampaignRequest) => Promise<void>;
}) {
  const api = useApi(scorecardsApiRef);
  const checks = useAsync(() => api.getChecks(), []);
  const [title, setTitle] = useState('');
  const [checkId, setCheckId] = useState('');
  const [owners, setOwners] = useState('');
  const [deadline, setDeadline] = useState('');
  const ownerRefs = owners
    .split(',')
    .map(o => o.trim())
    .filter(Boolean)
    .map(o => (o.includes(':') ? o : `group:default/${o}`));
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>New campaign</DialogTitle>
      <DialogContent>
        <TextField
          label="Title"
          fullWidth
          margin="normal"
          value={title}
          onChange={e => setTitle(e.target.value)}
        />
        <TextField
          select
          label="Check"
          fullWidth
          margin="normal"
          value={checkId}
          onChange={e => setCheckId(e.target.value)}
        >
          {(checks.value?.checks ?? []).map(check => (
            <MenuItem key={check.id} value={check.id}>
              {check.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Teams"
          helperText="Comma-separated group names or refs, e.g. payments, group:default/platform"
          fullWidth
          margin="normal"
          value={owners}
          onChange={e => setOwners(e.target.value)}
        />
        <TextField
          label="Deadline"
          type="date"
          margin="normal"
          InputLabelProps={{ shrink: true }}
          value={deadline}
          onChange={e => setDeadline(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!title || !checkId || ownerRefs.length === 0 || !deadline}
          onClick={() =>
            props.onCreate({
              title,
              description: '',
              checkId,
              target: { owners: ownerRefs },
              deadline: new Date(`${deadline}T23:59:59Z`).toISOString(),
            })
          }
        >
          Start
        </Button>
      </DialogActions>
    </Dialog>
  );
}
