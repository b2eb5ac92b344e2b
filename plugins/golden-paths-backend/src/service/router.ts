import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { Violation, violationsError } from '@paved/backend-platform';
import { ServiceNameCheck } from '@paved/plugin-golden-paths-node';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';

/**
 * express-openapi-validator words a failed request as `/query/namespace must match pattern "…"`
 * (several joined by `, `); Paved's format is `namespace: must match pattern "…" (rule: pattern)`.
 */
const VALIDATOR_ISSUE =
  /(?:^|, )(?:request)?\/(?:params|query|body|headers)\/(\S+) (.+?)(?=, (?:request)?\/(?:params|query|body|headers)\/|$)/g;

/** The short name of the rule an express-openapi-validator (ajv) message reports. */
function ruleOf(problem: string): string {
  if (/must match pattern/.test(problem)) return 'pattern';
  if (/must NOT have more than/.test(problem)) return 'maximum';
  if (/must NOT have fewer than/.test(problem)) return 'minimum';
  if (/must be equal to one of/.test(problem)) return 'enum';
  if (/must be /.test(problem)) return 'type';
  return 'schema';
}

const UNKNOWN_PARAMETER = /^Unknown query parameter '([^']+)'$/;
const EMPTY_PARAMETER = /^Empty value found for query parameter '([^']+)'$/;

export function violationsFromOpenApi(message: string): Violation[] {
  const unknown = message.match(UNKNOWN_PARAMETER);
  if (unknown) {
    return [
      {
        field: unknown[1],
        problem: 'is not a known query parameter',
        rule: 'no-unknown-fields',
      },
    ];
  }
  const empty = message.match(EMPTY_PARAMETER);
  if (empty) {
    return [
      { field: empty[1], problem: 'must not be empty', rule: 'required' },
    ];
  }
  return [...message.matchAll(VALIDATOR_ISSUE)].map(([, field, problem]) => ({
    field: field.replace(/\//g, '.'),
    problem,
    rule: ruleOf(problem),
  }));
}

/**
 * The golden-paths HTTP API, validated against `src/schema/openapi.yaml`:
 * `GET /service-names/:name?namespace=` → `{ name, available, problem? }`.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  serviceNames: ServiceNameCheck;
}): Promise<express.Router> {
  const { httpAuth, serviceNames } = options;
  const router = await createOpenApiRouter({
    validatorOptions: {
      // Backstage's defaults, plus every violation of a request instead of the first.
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: false,
      },
    },
  });

  router.get('/service-names/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await serviceNames.check({
        name: req.params.name,
        namespace: req.query.namespace ?? 'default',
        credentials,
      }),
    );
  });

  router.use(
    (
      error: unknown,
      _req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => {
      if (error instanceof InputError) {
        const violations = violationsFromOpenApi(error.message);
        if (violations.length > 0) {
          next(violationsError(violations));
          return;
        }
      }
      next(error);
    },
  );
  return router;
}
