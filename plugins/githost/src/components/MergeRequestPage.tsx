import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import MuiTable from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CodeSnippet,
  Content,
  ContentHeader,
  InfoCard,
  MarkdownContent,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { gitHostApiRef } from '../api';

/** A merge request: what it changes (diff), its state, and Merge / Close for who may. */
export function MergeRequestPage() {
  const { name = '', id = '' } = useParams();
  const api = useApi(gitHostApiRef);
  const detail = useAsyncRetry(
    () => api.getMergeRequest(name, Number(id)),
    [name, id],
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Error | undefined>();
  if (detail.loading && !detail.value) return <Progress />;
  if (detail.error) return <ResponseErrorPanel error={detail.error} />;
  const { mergeRequest: mr, diff, mergeability } = detail.value!;

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
      detail.retry();
    } catch (error) {
      setFailure(error as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page themeId="tool">
      <Content>
        <ContentHeader
          title={`!${mr.id} ${mr.title}`}
          description={`${mr.sourceBranch} → ${mr.targetBranch} in ${mr.repository}, opened by ${mr.author}`}
        >
          <Link component={RouterLink} to="../..">
            {mr.repository}
          </Link>
        </ContentHeader>
        <Box display="flex" alignItems="center" mb={2} style={{ gap: 8 }}>
          <Chip
            label={mr.state}
            color={mr.state === 'open' ? 'primary' : 'default'}
          />
          {mr.conflicted && mr.state === 'open' && (
            <Chip color="secondary" label="needs attention: conflicts" />
          )}
          {mr.state === 'merged' && mr.mergedBy && (
            <Typography>{`Merged by ${mr.mergedBy} as ${mr.mergeCommit?.slice(
              0,
              8,
            )}`}</Typography>
          )}
          {mr.state === 'open' && (
            <>
              <Button
                variant="contained"
                color="primary"
                disabled={busy || !mergeability.mergeable || !diff}
                onClick={() => act(() => api.merge(name, mr.id, diff!.head))}
              >
                Merge
              </Button>
              <Button
                disabled={busy}
                onClick={() => act(() => api.close(name, mr.id))}
              >
                Close
              </Button>
              {!mergeability.mergeable && mergeability.reason && (
                <Typography variant="body2">{mergeability.reason}</Typography>
              )}
            </>
          )}
        </Box>
        {failure && (
          <Box mb={2}>
            <Alert severity="error">{failure.message}</Alert>
          </Box>
        )}
        {mr.description && (
          <Box mb={3}>
            <InfoCard title="Description">
              <MarkdownContent content={mr.description} />
            </InfoCard>
          </Box>
        )}
        <InfoCard title="Changes">
          {!diff && (
            <Typography>The compared commits no longer exist.</Typography>
          )}
          {diff && (
            <>
              <MuiTable size="small" aria-label="Changed files">
                <TableBody>
                  {diff.files.map(file => (
                    <TableRow key={file.path}>
                      <TableCell>{file.path}</TableCell>
                      <TableCell>
                        {file.binary
                          ? 'binary'
                          : `+${file.additions} −${file.deletions}`}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </MuiTable>
              <Box mt={2}>
                <CodeSnippet text={diff.text} language="diff" />
              </Box>
              {diff.truncated && (
                <Typography variant="caption">
                  Only the first MiB is shown.
                </Typography>
              )}
            </>
          )}
        </InfoCard>
      </Content>
    </Page>
  );
}
