/*
 * The fuzzer's set-up step: signs in as guest and makes the objects the `:id` routes are fuzzed
 * against (database requests, scorecard exemptions, merge requests on the fixture repository).
 * Operations on a database need a ready database, which cannot exist here (the sandbox provider
 * points at a port where nothing listens): their routes meet real requests that are not ready,
 * and unknown operation ids.
 */

const DAY = 86_400_000;

/**
 * Guest sign-in. Sign-in refuses users the catalog does not list yet, and a fresh backend is ready
 * before its catalog has read the example organisation: refusals are retried for 5 minutes.
 */
export async function signInAsGuest(client) {
  for (let attempt = 0; ; attempt++) {
    const refresh = await client.json(
      'GET',
      '/api/auth/guest/refresh?env=development',
    );
    const token = refresh.body?.backstageIdentity?.token;
    if (token) return token;
    if (refresh.status !== 403 || attempt >= 300) {
      throw new Error(
        `guest sign-in failed: ${refresh.status} ${refresh.text.slice(0, 300)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

/** A fresh backend is ready before its catalog has read the example organisation. */
async function waitForCatalog(client, token) {
  const needed = [
    'group/default/payments',
    'user/default/sam.rivera',
    'component/default/payments-api',
  ];
  for (let attempt = 0; attempt < 300; attempt++) {
    const found = await Promise.all(
      needed.map(
        async ref =>
          (
            await client.json(
              'GET',
              `/api/catalog/entities/by-name/${ref}`,
              token,
            )
          ).status === 200,
      ),
    );
    if (found.every(Boolean)) return;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(
    `the catalog did not list ${needed.join(', ')} within 5 minutes`,
  );
}

/** Fails the set-up with the answer, unless its status is one of `expected`. */
function expect(response, expected, what) {
  if (!expected.includes(response.status)) {
    throw new Error(
      `set-up: ${what} failed: ${response.status} ${response.text.slice(
        0,
        300,
      )}`,
    );
  }
  return response.body;
}

async function databaseRequests(client, token, prefix) {
  const create = async (name, environment, extra = {}) =>
    expect(
      await client.json('POST', '/api/provisioning/requests', token, {
        type: 'postgresql',
        name,
        owner: 'group:default/payments',
        environment,
        size: 'small',
        storageGB: environment === 'production' ? 10 : 1,
        ...extra,
      }),
      [201],
      `database request ${name}`,
    ).id;
  return {
    developmentRequestId: await create(`${prefix}-dev`, 'development'),
    productionRequestId: await create(`${prefix}-prod`, 'production'),
    ephemeralRequestId: await create(`${prefix}-eph`, 'ephemeral', {
      ttlHours: 4,
    }),
    disposableRequestIds: [
      await create(`${prefix}-del-1`, 'production'),
      await create(`${prefix}-del-2`, 'development'),
    ],
  };
}

/**
 * Exemptions the guest asks for on a service of their team: one to read and review, two to
 * withdraw. A backend fuzzed before (FUZZ_BASE_URL) may hold them already (409): those are used.
 */
async function exemptions(client, token, expiresAt) {
  const entityRef = 'component:default/payments-api';
  const ids = [];
  for (const checkId of ['has-runbook', 'apis-documented', 'ci-image-scan']) {
    const response = await client.json(
      'POST',
      '/api/scorecards/exemptions',
      token,
      {
        entityRef,
        checkId,
        reason: 'Asked for by the fuzzer set-up step.',
        expiresAt,
      },
    );
    if (response.status === 201) {
      ids.push(response.body.id);
      continue;
    }
    expect(response, [409], `exemption for ${checkId}`);
    const listed = expect(
      await client.json(
        'GET',
        `/api/scorecards/exemptions?entityRef=${entityRef}&status=pending`,
        token,
      ),
      [200],
      'listing exemptions',
    );
    const existing = listed.items.find(e => e.checkId === checkId);
    if (existing) ids.push(existing.id);
  }
  return { exemptionId: ids[0], disposableExemptionIds: ids.slice(1) };
}

/**
 * Merge requests on the fixture repository `fuzz-service` (run.sh pushes the branches
 * fuzz-change-1..3): one to read, one to merge, one to close. Without the repository (a backend
 * not started by run.sh) the routes meet unknown ids only.
 */
async function mergeRequests(client, token) {
  const ids = [];
  for (const branch of ['fuzz-change-1', 'fuzz-change-2', 'fuzz-change-3']) {
    const response = await client.json(
      'POST',
      '/api/githost/repositories/fuzz-service/merge-requests',
      token,
      { sourceBranch: branch, title: `Fuzz set-up: ${branch}` },
    );
    if (response.status === 404) return { mergeRequestIds: [] };
    ids.push(expect(response, [200, 201], `merge request from ${branch}`).id);
  }
  return { mergeRequestIds: ids };
}

/**
 * Registers the fixture repository's component (component:default/fuzz-service, owned by
 * payments) and waits for the catalog to list it. Without the repository (a backend not started
 * by run.sh) nothing is registered.
 */
async function registerFixture(client, token, baseUrl) {
  const response = await client.json('POST', '/api/catalog/locations', token, {
    type: 'url',
    target: `${baseUrl}/api/githost/fuzz-service/blob/main/catalog-info.yaml`,
  });
  if (response.status === 400) return;
  expect(response, [201, 409], 'registering fuzz-service');
  for (let attempt = 0; attempt < 120; attempt++) {
    const entity = await client.json(
      'GET',
      '/api/catalog/entities/by-name/component/default/fuzz-service',
      token,
    );
    if (entity.status === 200 && entity.body.relations?.length) return;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error('set-up: the catalog did not list fuzz-service in 2 minutes');
}

/** Everything the endpoints need: tokens, ids of real objects, a fixed "now". */
export async function setUp(client, baseUrl) {
  const guestToken = await signInAsGuest(client);
  await waitForCatalog(client, guestToken);
  await registerFixture(client, guestToken, baseUrl);
  const now = Date.now();
  // Unique per run, so a backend fuzzed before (FUZZ_BASE_URL) takes the names too.
  const prefix = `fuzz-setup-${now.toString(36)}`;
  const exemptionExpiresAt = new Date(now + 30 * DAY).toISOString();
  // The upgrade of fuzz-service (made from an older version), so GET /upgrades/:id meets one;
  // whether the proposal opens or fails, it is listed.
  await client.json('POST', '/api/golden-paths/upgrades', guestToken, {
    entityRef: 'component:default/fuzz-service',
  });
  const upgrades = expect(
    await client.json('GET', '/api/golden-paths/upgrades', guestToken),
    [200],
    'listing upgrades',
  );
  return {
    guestToken,
    now,
    prefix,
    exemptionExpiresAt,
    ...(await databaseRequests(client, guestToken, prefix)),
    ...(await exemptions(client, guestToken, exemptionExpiresAt)),
    ...(await mergeRequests(client, guestToken)),
    upgradeIds: upgrades.items.map(u => u.id),
  };
}
