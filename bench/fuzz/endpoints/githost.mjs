/*
 * The local git host (plugins/githost-backend): its JSON API under /api/githost/repositories
 * (src/service/router.ts, src/schema/openapi.yaml) against the fixture repository `fuzz-service`
 * and the merge requests the set-up step opens on it; and its contents as the URL reader Paved
 * adds to every plugin reads them, reached through the catalog's location registration (dry run)
 * with `<baseUrl>/api/githost/<repo>/<blob|tree>/<ref>/<path>` targets. Git's smart HTTP
 * protocol (`<name>.git/...`) is not JSON and is left out.
 */
import { realOrUnknown } from './common.mjs';

const GITHOST_BODY_LIMIT = 100 * 1024; // express.json's default

const repository = rng => (rng.chance(0.8) ? 'fuzz-service' : 'missing-repo');
const BRANCHES = ['fuzz-change-1', 'fuzz-change-2', 'fuzz-change-3'];
// Sometimes ten digits: beyond the id column's range on PostgreSQL.
const unknownMergeRequest = rng =>
  String(
    rng.chance(0.3) ? rng.int(1e9, 9_999_999_999) : rng.int(1000, 999_999),
  );

export function githostEndpoints(context) {
  const githost = { bodyLimit: GITHOST_BODY_LIMIT, auth: 'user' };
  const [readId, mergeId, closeId] = context.mergeRequestIds;
  const mergeRequest = id => ({
    name: repository,
    id: rng => String(realOrUnknown(rng, id ? [id] : [], unknownMergeRequest)),
  });
  const mergeRequestPath = ({ name, id }) =>
    `/api/githost/repositories/${name}/merge-requests/${id}`;
  return [
    {
      ...githost,
      name: 'GET /api/githost/repositories',
      method: 'GET',
      path: () => '/api/githost/repositories',
    },
    {
      ...githost,
      name: 'GET /api/githost/repositories/:name',
      method: 'GET',
      path: ({ name }) => `/api/githost/repositories/${name}`,
      params: { name: repository },
    },
    {
      ...githost,
      name: 'GET /api/githost/repositories/:name/tree',
      method: 'GET',
      path: ({ name }) => `/api/githost/repositories/${name}/tree`,
      params: { name: repository },
      query: rng => ({
        ref: rng.pick(['main', 'fuzz-change-1', 'HEAD']),
        ...(rng.chance(0.5) ? { path: 'docs' } : {}),
      }),
    },
    {
      ...githost,
      name: 'GET /api/githost/repositories/:name/blob',
      method: 'GET',
      path: ({ name }) => `/api/githost/repositories/${name}/blob`,
      params: { name: repository },
      query: rng => ({
        ref: rng.pick(['main', 'fuzz-change-2']),
        path: rng.pick(['catalog-info.yaml', 'docs/index.md', 'docs']),
      }),
    },
    {
      ...githost,
      name: 'GET /api/githost/repositories/:name/merge-requests',
      method: 'GET',
      path: ({ name }) => `/api/githost/repositories/${name}/merge-requests`,
      params: { name: repository },
      query: rng => ({ state: rng.pick(['open', 'merged', 'closed', 'all']) }),
    },
    {
      ...githost,
      name: 'POST /api/githost/repositories/:name/merge-requests',
      method: 'POST',
      path: ({ name }) => `/api/githost/repositories/${name}/merge-requests`,
      params: { name: repository },
      body: rng => ({
        sourceBranch: rng.pick([...BRANCHES, 'no-such-branch']),
        targetBranch: 'main',
        title: 'Fuzz: a change',
        description: 'Opened by the fuzzer; **markdown**.',
        ...(rng.chance(0.3) ? { conflicted: false } : {}),
      }),
    },
    {
      ...githost,
      name: 'GET /api/githost/repositories/:name/merge-requests/:id',
      method: 'GET',
      path: mergeRequestPath,
      params: mergeRequest(readId),
    },
    {
      ...githost,
      name: 'POST /api/githost/repositories/:name/merge-requests/:id/merge',
      method: 'POST',
      path: params => `${mergeRequestPath(params)}/merge`,
      params: mergeRequest(mergeId),
      body: rng =>
        rng.chance(0.5)
          ? {}
          : { sourceCommit: '0123456789abcdef'.repeat(3).slice(0, 40) },
    },
    {
      ...githost,
      name: 'POST /api/githost/repositories/:name/merge-requests/:id/close',
      method: 'POST',
      path: params => `${mergeRequestPath(params)}/close`,
      params: mergeRequest(closeId),
    },
    {
      name: 'POST /api/catalog/locations?dryRun=true (local git host)',
      auth: 'user',
      method: 'POST',
      path: () => '/api/catalog/locations',
      fixedQuery: 'dryRun=true',
      gitHostTarget: { wrap: target => ({ type: 'url', target }) },
    },
  ];
}
