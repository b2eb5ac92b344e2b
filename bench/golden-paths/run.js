#!/usr/bin/env node
/*
 * Golden-path benchmark against a running portal: for each service template, creates RUNS
 * services through the scaffolder API and prints the median time from task start to
 * "completed" and to "component visible in the catalog" (issue 3, Performance; goal < 10 s).
 *
 *   make bench WHICH=golden-paths        (= node bench/golden-paths/run.js)
 *   BACKEND_URL=http://localhost:7007 RUNS=5 TEMPLATES=typescript-service make bench WHICH=golden-paths
 *
 * Signs in as the development guest. Every run creates a real repository on the local git host
 * and a real catalog entry, named bench-<template>-<timestamp>-<n>.
 */
const BACKEND_URL = (
  process.env.BACKEND_URL ?? 'http://localhost:7007'
).replace(/\/$/, '');
const RUNS = Number(process.env.RUNS ?? 5);
const TEMPLATES = (
  process.env.TEMPLATES ?? 'typescript-service,python-service,go-service'
).split(',');
const TIMEOUT_MS = 120_000;

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function guestToken() {
  const res = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

async function api(token, path, init = {}) {
  const res = await fetch(`${BACKEND_URL}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function createOnce(token, template, name) {
  const started = Date.now();
  const created = await api(token, '/api/scaffolder/v2/tasks', {
    method: 'POST',
    body: JSON.stringify({
      templateRef: `template:default/${template}`,
      values: {
        name,
        owner: 'group:default/payments',
        system: 'system:default/payments',
        description: `Benchmark run of ${template}`,
      },
    }),
  });
  if (created.status !== 201)
    throw new Error(
      `create answered ${created.status}: ${JSON.stringify(created.body)}`,
    );
  const taskId = created.body.id;
  let completedMs;
  while (Date.now() - started < TIMEOUT_MS) {
    const task = await api(token, `/api/scaffolder/v2/tasks/${taskId}`);
    if (task.body?.status === 'completed') {
      completedMs = Date.now() - started;
      break;
    }
    if (task.body?.status === 'failed' || task.body?.status === 'cancelled') {
      const events = await api(
        token,
        `/api/scaffolder/v2/tasks/${taskId}/events`,
      );
      const failure = (events.body ?? [])
        .map(e => e.body?.message)
        .filter(Boolean)
        .slice(-3)
        .join('\n');
      throw new Error(`task ${taskId} ${task.body.status}:\n${failure}`);
    }
    await sleep(100);
  }
  if (completedMs === undefined)
    throw new Error(`task ${taskId} did not complete in time`);
  while (Date.now() - started < TIMEOUT_MS) {
    const entity = await api(
      token,
      `/api/catalog/entities/by-name/component/default/${name}`,
    );
    if (entity.status === 200) {
      return { taskId, completedMs, visibleMs: Date.now() - started };
    }
    await sleep(100);
  }
  throw new Error(`${name} did not appear in the catalog in time`);
}

async function main() {
  const token = await guestToken();
  const stamp = Date.now().toString(36);
  console.log(
    `Golden-path benchmark: ${RUNS} runs per template against ${BACKEND_URL}`,
  );
  for (const template of TEMPLATES) {
    const results = [];
    for (let i = 0; i < RUNS; i++) {
      const name = `bench-${template.split('-')[0]}-${stamp}-${i}`;
      const result = await createOnce(token, template, name);
      results.push(result);
      console.log(
        `  ${template} #${i + 1}: completed ${
          result.completedMs
        } ms, in catalog ${result.visibleMs} ms (${name})`,
      );
    }
    console.log(
      `${template}: median to completed ${median(
        results.map(r => r.completedMs),
      )} ms, ` +
        `to visible in catalog ${median(results.map(r => r.visibleMs))} ms`,
    );
  }
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
