#!/usr/bin/env node
// Writes N catalog entities as YAML files for the catalog benchmark (bench/catalog/run.sh):
// groups in a hierarchy, users with memberships, systems, APIs and components whose owner,
// system, dependsOn, providesApis and consumesApis all point at entities of the same set.
//
//   node generate.mjs <count> <out-dir> [entities-per-file]
//
// Prints JSON: { count, files: [absolute paths], byKind, relations, sampleComponents }.
// `relations` is the number of relations the stitched entities should carry in total (both
// directions of every edge), so the run can tell "stitched" from "stitched with relations".
// Deterministic: the same count gives the same files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const count = Number(process.argv[2]);
const outDir = resolve(process.argv[3] ?? '.');
const perFile = Number(process.argv[4] ?? 250);
if (!Number.isInteger(count) || count < 20) {
  console.error('usage: generate.mjs <count >= 20> <out-dir> [entities-per-file]');
  process.exit(2);
}

// Share of each kind, roughly a mid-sized company: most entities are components and people.
const groups = Math.max(3, Math.round(count * 0.02));
const systems = Math.max(2, Math.round(count * 0.03));
const users = Math.max(5, Math.round(count * 0.2));
const apis = Math.max(3, Math.round(count * 0.15));
const components = count - groups - systems - users - apis;

// A small deterministic generator, so runs are comparable.
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = n => Math.floor(random() * n);
const pad = i => String(i).padStart(6, '0');
const groupName = i => `bench-group-${pad(i)}`;
const userName = i => `bench-user-${pad(i)}`;
const systemName = i => `bench-system-${pad(i)}`;
const apiName = i => `bench-api-${pad(i)}`;
const componentName = i => `bench-component-${pad(i)}`;
const lifecycles = ['production', 'experimental', 'deprecated'];
const types = ['service', 'website', 'library'];

const entities = [];
let relations = 0;
// Each edge gives a relation on both ends (ownedBy/ownerOf, memberOf/hasMember, ...).
const edge = (n = 1) => {
  relations += 2 * n;
};

for (let i = 0; i < groups; i++) {
  // A tree with five children per group: group 0 is the root.
  const parent = i === 0 ? undefined : groupName(Math.floor((i - 1) / 5));
  if (parent) edge();
  entities.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: groupName(i), description: `Generated team ${i}` },
    spec: { type: i === 0 ? 'organization' : 'team', ...(parent && { parent }), children: [] },
  });
}
for (let i = 0; i < users; i++) {
  const memberOf = [...new Set([groupName(pick(groups)), groupName(pick(groups))])];
  edge(memberOf.length);
  entities.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: userName(i) },
    spec: {
      profile: { displayName: `Bench User ${i}`, email: `${userName(i)}@example.com` },
      memberOf,
    },
  });
}
const systemOwner = [];
for (let i = 0; i < systems; i++) {
  systemOwner.push(groupName(pick(groups)));
  edge();
  entities.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: systemName(i), description: `Generated system ${i}` },
    spec: { owner: systemOwner[i] },
  });
}
for (let i = 0; i < apis; i++) {
  const system = pick(systems);
  edge(2); // owner, system
  entities.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: apiName(i), description: `Generated API ${i}` },
    spec: {
      type: 'openapi',
      lifecycle: lifecycles[i % 3],
      owner: systemOwner[system],
      system: systemName(system),
      definition: `openapi: 3.0.0\ninfo: { title: ${apiName(i)}, version: 1.0.0 }\npaths: {}\n`,
    },
  });
}
const sampleComponents = [];
for (let i = 0; i < components; i++) {
  const system = pick(systems);
  const dependsOn = [...new Set([pick(components), pick(components)])]
    .filter(j => j !== i)
    .map(j => `component:${componentName(j)}`);
  // Every API is provided by one component (the first `apis` components), consumed by two others.
  const providesApis = i < apis ? [apiName(i)] : [];
  const consumesApis = [...new Set([apiName(pick(apis)), apiName(pick(apis))])];
  edge(2 + dependsOn.length + providesApis.length + consumesApis.length);
  if (sampleComponents.length < 200 && i % Math.max(1, Math.floor(components / 200)) === 0) {
    sampleComponents.push(componentName(i));
  }
  entities.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: componentName(i),
      description: `Generated component ${i}`,
      tags: [types[i % 3], `team-${i % 20}`],
    },
    spec: {
      type: types[i % 3],
      lifecycle: lifecycles[i % 3],
      owner: systemOwner[system],
      system: systemName(system),
      dependsOn,
      providesApis,
      consumesApis,
    },
  });
}

// JSON is YAML: one document per entity, `---` between them.
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const files = [];
for (let start = 0; start < entities.length; start += perFile) {
  const file = join(outDir, `entities-${pad(files.length)}.yaml`);
  const docs = entities.slice(start, start + perFile).map(e => JSON.stringify(e));
  writeFileSync(file, `${docs.join('\n---\n')}\n`);
  files.push(file);
}
console.log(
  JSON.stringify({
    count: entities.length,
    files,
    byKind: { Group: groups, User: users, System: systems, API: apis, Component: components },
    relations,
    sampleComponents,
  }),
);
