import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Link from '@material-ui/core/Link';
import MenuItem from '@material-ui/core/MenuItem';
import MuiTable from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import FolderIcon from '@material-ui/icons/Folder';
import DescriptionIcon from '@material-ui/icons/Description';
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
import useAsync from 'react-use/esm/useAsync';
import { gitHostApiRef } from '../api';

/** Files and folders at a path, and the open file, of one ref. */
function Files(props: { name: string; gitRef: string }) {
  const api = useApi(gitHostApiRef);
  const [path, setPath] = useState('');
  const [file, setFile] = useState<string | undefined>();
  const tree = useAsync(
    () => api.getTree(props.name, props.gitRef, path),
    [props.name, props.gitRef, path],
  );
  const blob = useAsync(
    async () =>
      file ? api.getBlob(props.name, props.gitRef, file) : undefined,
    [props.name, props.gitRef, file],
  );
  const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  return (
    <InfoCard title={`Files${path ? `: ${path}` : ''}`}>
      {tree.loading && <Progress />}
      {tree.error && <ResponseErrorPanel error={tree.error} />}
      {tree.value && (
        <MuiTable size="small" aria-label="Files">
          <TableBody>
            {path && (
              <TableRow hover onClick={() => setPath(parent)}>
                <TableCell>
                  <Link component="button">..</Link>
                </TableCell>
              </TableRow>
            )}
            {tree.value.entries.map(entry => (
              <TableRow key={entry.path} hover>
                <TableCell>
                  <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                    {entry.type === 'directory' ? (
                      <FolderIcon fontSize="small" />
                    ) : (
                      <DescriptionIcon fontSize="small" />
                    )}
                    <Link
                      component="button"
                      onClick={() =>
                        entry.type === 'directory'
                          ? setPath(entry.path)
                          : setFile(entry.path)
                      }
                    >
                      {entry.name}
                    </Link>
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </MuiTable>
      )}
      {file && (
        <Box mt={2}>
          <Typography variant="subtitle2">{file}</Typography>
          {blob.error && <ResponseErrorPanel error={blob.error} />}
          {blob.value?.binary && <Typography>A binary file.</Typography>}
          {blob.value?.content !== undefined && (
            <CodeSnippet text={blob.value.content} language="text" />
          )}
          {blob.value?.truncated && (
            <Typography variant="caption">
              Only the first MiB is shown.
            </Typography>
          )}
        </Box>
      )}
    </InfoCard>
  );
}

function Readme(props: { name: string; gitRef: string }) {
  const api = useApi(gitHostApiRef);
  const readme = useAsync(
    () =>
      api.getBlob(props.name, props.gitRef, 'README.md').catch(() => undefined),
    [props.name, props.gitRef],
  );
  if (!readme.value?.content) return null;
  return (
    <InfoCard title="README.md">
      <MarkdownContent content={readme.value.content} />
    </InfoCard>
  );
}

function MergeRequests(props: { name: string }) {
  const api = useApi(gitHostApiRef);
  const list = useAsync(() => api.listMergeRequests(props.name), [props.name]);
  return (
    <InfoCard title="Merge requests">
      {list.loading && <Progress />}
      {list.error && <ResponseErrorPanel error={list.error} />}
      {list.value?.length === 0 && <Typography>No merge requests.</Typography>}
      {list.value && list.value.length > 0 && (
        <MuiTable size="small" aria-label="Merge requests">
          <TableBody>
            {list.value.map(mr => (
              <TableRow key={mr.id}>
                <TableCell>
                  <Link
                    component={RouterLink}
                    to={`merge-requests/${mr.id}`}
                  >{`!${mr.id} ${mr.title}`}</Link>
                </TableCell>
                <TableCell>
                  <Chip size="small" label={mr.state} />
                  {mr.conflicted && mr.state === 'open' && (
                    <Chip
                      size="small"
                      color="secondary"
                      label="needs attention"
                    />
                  )}
                </TableCell>
                <TableCell>{`${mr.sourceBranch} → ${mr.targetBranch}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </MuiTable>
      )}
    </InfoCard>
  );
}

/** A repository of the local git host: branches, files, README, merge requests, clone URL. */
export function RepositoryPage() {
  const { name = '' } = useParams();
  const api = useApi(gitHostApiRef);
  const repository = useAsync(() => api.getRepository(name), [name]);
  const [branch, setBranch] = useState<string | undefined>();
  if (repository.loading) return <Progress />;
  if (repository.error) return <ResponseErrorPanel error={repository.error} />;
  const repo = repository.value!;
  const gitRef = branch ?? repo.defaultBranch;
  return (
    <Page themeId="tool">
      <Content>
        <ContentHeader title={repo.name} description={repo.description} />
        <Grid container spacing={3}>
          <Grid item xs={12} md={8}>
            {gitRef ? (
              <>
                <Files name={repo.name} gitRef={gitRef} />
                <Box mt={3}>
                  <Readme name={repo.name} gitRef={gitRef} />
                </Box>
              </>
            ) : (
              <Typography>This repository has no commits yet.</Typography>
            )}
          </Grid>
          <Grid item xs={12} md={4}>
            <InfoCard title="Clone">
              <CodeSnippet
                text={`git -c http.extraHeader="Authorization: Bearer $TOKEN" clone ${repo.cloneUrl}`}
                language="bash"
              />
              <Typography variant="caption">
                {repo.viewer.mayWrite
                  ? 'You may push to this repository.'
                  : `Read only: ${repo.viewer.reason ?? 'not an owner'}.`}
              </Typography>
            </InfoCard>
            <Box mt={3}>
              <InfoCard title="Branches">
                <TextField
                  select
                  fullWidth
                  label="Branch"
                  value={gitRef}
                  onChange={e => setBranch(e.target.value)}
                >
                  {repo.branches.map(b => (
                    <MenuItem key={b.name} value={b.name}>
                      {b.name}
                    </MenuItem>
                  ))}
                </TextField>
                {repo.branches
                  .filter(b => b.name === gitRef)
                  .map(b => (
                    <Typography key={b.name} variant="body2">
                      {`${b.commit.slice(0, 8)} ${b.subject}`}
                    </Typography>
                  ))}
              </InfoCard>
            </Box>
            <Box mt={3}>
              <MergeRequests name={repo.name} />
            </Box>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
