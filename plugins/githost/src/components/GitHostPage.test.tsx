import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Route, Routes } from 'react-router-dom';
import { GitHostApi, gitHostApiRef, MergeRequest } from '../api';
import { MergeRequestPage } from './MergeRequestPage';
import { RepositoryPage } from './RepositoryPage';

jest.setTimeout(60_000);

const open: MergeRequest = {
  id: 3,
  repository: 'inventory-api',
  title: 'Upgrade to template:default/typescript-service 1.1.0',
  description: 'Proposed by **Paved**',
  author: 'plugin:golden-paths',
  state: 'open',
  conflicted: false,
  sourceBranch: 'paved/upgrade-1.1.0',
  targetBranch: 'main',
  sourceCommit: 'b'.repeat(40),
  createdAt: '2026-12-07T08:00:00Z',
  updatedAt: '2026-12-07T08:00:00Z',
  url: 'http://localhost:3000/git/inventory-api/merge-requests/3',
};

function api(overrides: Partial<GitHostApi> = {}) {
  const mock = {
    listRepositories: jest.fn().mockResolvedValue([]),
    getRepository: jest.fn().mockResolvedValue({
      name: 'inventory-api',
      description: 'Keeps stock',
      cloneUrl: 'http://localhost:7007/api/githost/inventory-api.git',
      url: 'http://localhost:3000/git/inventory-api',
      defaultBranch: 'main',
      entityRefs: ['component:default/inventory-api'],
      branches: [
        {
          name: 'main',
          commit: 'a'.repeat(40),
          subject: 'Initial commit',
          committedAt: '2026-12-07T08:00:00Z',
        },
      ],
      viewer: { mayWrite: false, reason: 'not an owner' },
    }),
    getTree: jest.fn().mockResolvedValue({
      ref: 'main',
      commit: 'a'.repeat(40),
      path: '',
      entries: [
        { name: 'src', path: 'src', type: 'directory' },
        { name: 'README.md', path: 'README.md', type: 'file', size: 9 },
      ],
    }),
    getBlob: jest.fn().mockResolvedValue({
      ref: 'main',
      commit: 'a'.repeat(40),
      path: 'README.md',
      binary: false,
      truncated: false,
      size: 20,
      content: '# Inventory\n\nKeeps stock.',
    }),
    listMergeRequests: jest.fn().mockResolvedValue([open]),
    getMergeRequest: jest.fn().mockResolvedValue({
      mergeRequest: open,
      mergeability: { mergeable: true },
      diff: {
        base: 'a'.repeat(40),
        head: 'c'.repeat(40),
        truncated: false,
        files: [
          {
            path: '.github/dependabot.yml',
            additions: 9,
            deletions: 0,
            binary: false,
          },
        ],
        text: '+++ b/.github/dependabot.yml\n+version: 2\n',
      },
    }),
    merge: jest.fn().mockResolvedValue({ ...open, state: 'merged' }),
    close: jest.fn(),
  };
  return { ...mock, ...overrides } as typeof mock;
}

describe('the git host pages', () => {
  it('shows a repository: files, README, branch, clone command, merge requests', async () => {
    const gitHost = api();
    renderInTestApp(
      <Routes>
        <Route path="/git/:name" element={<RepositoryPage />} />
      </Routes>,
      {
        apis: [[gitHostApiRef, gitHost]],
        initialRouteEntries: ['/git/inventory-api'],
      },
    );
    expect(await screen.findByText('Keeps stock.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'src' })).toBeInTheDocument();
    expect(screen.getByText(/Initial commit/)).toBeInTheDocument();
    expect(screen.getByText(/Read only: not an owner/)).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: `!3 ${open.title}` }),
    ).toBeInTheDocument();
    expect(gitHost.getTree).toHaveBeenCalledWith('inventory-api', 'main', '');
  });

  it('merges a merge request with the source commit the reviewer saw', async () => {
    const gitHost = api();
    const merged: MergeRequest = {
      ...open,
      state: 'merged',
      mergedBy: 'user:default/guest',
      mergeCommit: 'd'.repeat(40),
    };
    const reviewed = await gitHost.getMergeRequest('inventory-api', 3);
    gitHost.getMergeRequest
      .mockResolvedValueOnce(reviewed)
      .mockResolvedValue({ ...reviewed, mergeRequest: merged });
    renderInTestApp(
      <Routes>
        <Route
          path="/git/:name/merge-requests/:id"
          element={<MergeRequestPage />}
        />
      </Routes>,
      {
        apis: [[gitHostApiRef, gitHost]],
        initialRouteEntries: ['/git/inventory-api/merge-requests/3'],
      },
    );
    expect(
      await screen.findByText('.github/dependabot.yml'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Merge' }));
    await waitFor(() =>
      expect(gitHost.merge).toHaveBeenCalledWith(
        'inventory-api',
        3,
        'c'.repeat(40),
      ),
    );
    // The page reloads the merge request and shows it merged, without the Merge button.
    expect(
      await screen.findByText('Merged by user:default/guest as dddddddd'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Merge' }),
    ).not.toBeInTheDocument();
  });

  it('offers no merge when the user may not merge, and says why', async () => {
    const gitHost = api({
      getMergeRequest: jest.fn().mockResolvedValue({
        mergeRequest: { ...open, conflicted: true },
        mergeability: {
          mergeable: false,
          reason:
            'mergeRequest: has conflict markers (rule: resolve conflicts first)',
        },
      }),
    });
    renderInTestApp(
      <Routes>
        <Route
          path="/git/:name/merge-requests/:id"
          element={<MergeRequestPage />}
        />
      </Routes>,
      {
        apis: [[gitHostApiRef, gitHost]],
        initialRouteEntries: ['/git/inventory-api/merge-requests/3'],
      },
    );
    expect(await screen.findByText(/needs attention/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Merge' })).toBeDisabled();
    expect(screen.getByText(/resolve conflicts first/)).toBeInTheDocument();
  });
});
