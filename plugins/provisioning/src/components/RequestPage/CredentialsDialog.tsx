import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import {
  CopyTextButton,
  ErrorPanel,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type { DatabaseCredentials } from '@paved/plugin-provisioning-common';
import { provisioningApiRef } from '../../api/ProvisioningApi';

/**
 * "Reveal credentials": fetched only when asked for (every read is audited by the backend) and
 * dropped from memory when the dialog closes.
 */
export const RevealCredentialsButton = ({
  requestId,
}: {
  requestId: string;
}) => {
  const api = useApi(provisioningApiRef);
  const [open, setOpen] = useState(false);
  const [credentials, setCredentials] = useState<
    DatabaseCredentials | undefined
  >();
  const [error, setError] = useState<Error | undefined>();

  const reveal = async () => {
    setOpen(true);
    setError(undefined);
    try {
      setCredentials(await api.getCredentials(requestId));
    } catch (e) {
      setError(e as Error);
    }
  };

  const close = () => {
    setOpen(false);
    setCredentials(undefined);
  };

  let content;
  if (error) {
    content = (
      <ErrorPanel title="Could not read the credentials" error={error} />
    );
  } else if (!credentials) {
    content = <Progress />;
  } else {
    content = (
      <>
        <DialogContentText>
          Reading credentials is recorded in the request's audit log. Keep them
          in your secret store, not in code or chat.
        </DialogContentText>
        <StructuredMetadataTable
          dense
          metadata={{
            host: credentials.host,
            port: String(credentials.port),
            database: credentials.database,
            username: credentials.username,
            ...(credentials.keyPrefix
              ? { 'key prefix': <code>{credentials.keyPrefix}</code> }
              : {}),
            password: (
              <code data-testid="credentials-password">
                {credentials.password}
              </code>
            ),
            'connection string': (
              <>
                <code>
                  {credentials.connectionString.replace(
                    `:${encodeURIComponent(credentials.password)}@`,
                    ':•••@',
                  )}
                </code>
                <CopyTextButton
                  text={credentials.connectionString}
                  tooltipText="Connection string copied"
                />
              </>
            ),
          }}
        />
      </>
    );
  }

  return (
    <>
      <Button variant="outlined" color="primary" onClick={reveal}>
        Reveal credentials
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>Database credentials</DialogTitle>
        <DialogContent>{content}</DialogContent>
        <DialogActions>
          <Button onClick={close}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
