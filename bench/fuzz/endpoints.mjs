/*
 * Every HTTP endpoint Paved mounts, each with a valid request the fuzzer starts from, by plugin
 * (endpoints/*.mjs). An endpoint names:
 *   - `method`, `path(params)`, and `params`: path parameters by name, each a function of the
 *     PRNG (a case damages one of them);
 *   - `query(rng)`, `headers(rng)`, `body(rng)` (JSON) or `delivery(rng)` (a GitHub webhook
 *     delivery), and `bodyLimit`, the route's limit in bytes;
 *   - `auth`, whose credentials the valid request carries: `user` (guest token), `service`
 *     (the static CI token, restricted to devex and scorecards), `webhook` (an
 *     X-Hub-Signature-256 signature).
 * `context` holds what the set-up step made (setup.mjs): ids of real objects and a fixed "now".
 * (The catalog's analyze-location is left out: it answers 500 to any URL with a malformed
 * %-escape in Backstage's own RepoLocationAnalyzer, before a URL reader is asked.)
 */
import { devexEndpoints } from './endpoints/devex.mjs';
import { githostEndpoints } from './endpoints/githost.mjs';
import { goldenPathsEndpoints } from './endpoints/golden-paths.mjs';
import { provisioningEndpoints } from './endpoints/provisioning.mjs';
import { scorecardsEndpoints } from './endpoints/scorecards.mjs';

/** @returns the endpoint specifications, given ids and names created in the set-up step. */
export function pavedEndpoints(context) {
  return [
    ...provisioningEndpoints(context),
    ...devexEndpoints(context),
    ...scorecardsEndpoints(context),
    ...goldenPathsEndpoints(context),
    ...githostEndpoints(context),
  ];
}
