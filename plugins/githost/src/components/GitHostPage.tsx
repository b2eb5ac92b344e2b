import { Link as RouterLink, Route, Routes } from 'react-router-dom';
import Link from '@material-ui/core/Link';
import {
  Content,
  ContentHeader,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { gitHostApiRef, RepositorySummary } from '../api';
import { RepositoryPage } from './RepositoryPage';
import { MergeRequestPage } from './MergeRequestPage';

function RepositoryList() {
  const api = useApi(gitHostApiRef);
  const list = useAsync(() => api.listRepositories(), []);
  if (list.loading) return <Progress />;
  if (list.error) return <ResponseErrorPanel error={list.error} />;
  return (
    <Page themeId="tool">
      <Content>
        <ContentHeader
          title="Repositories"
          description="The local git host: what golden paths publish to in development"
        />
        <Table<RepositorySummary>
          title="Repositories"
          options={{ paging: false, search: true }}
          data={list.value ?? []}
          columns={[
            {
              title: 'Name',
              field: 'name',
              render: row => (
                <Link component={RouterLink} to={row.name}>
                  {row.name}
                </Link>
              ),
            },
            { title: 'Description', field: 'description' },
            { title: 'Clone URL', field: 'cloneUrl' },
          ]}
        />
      </Content>
    </Page>
  );
}

/** `/git`: the repositories, a repository, a merge request. */
export function GitHostPage() {
  return (
    <Routes>
      <Route path="/" element={<RepositoryList />} />
      <Route path="/:name" element={<RepositoryPage />} />
      <Route path="/:name/merge-requests/:id" element={<MergeRequestPage />} />
    </Routes>
  );
}
