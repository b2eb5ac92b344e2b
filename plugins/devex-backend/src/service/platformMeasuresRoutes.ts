import type { Router } from 'express';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { violationsError, violationsFromZod } from '@paved/backend-platform';
import {
  FeedbackReceipt,
  feedbackSubmissionSchema,
} from '@paved/plugin-devex-common';
import { FeedbackCollector } from '../feedback/FeedbackCollector';
import { AvailabilityStore } from '../database/AvailabilityStore';
import { availabilityReport } from '../availability/uptime';
import { DevexConfig } from '../config';
import { LevelBandSelection } from '../metrics/LevelBandSelection';
import { PlatformMeasuresStore } from '../database/PlatformMeasuresStore';
import { provisioningWeeks } from '../measures/provisioningWeeks';
import { QueryRules } from './queryParameters';

/**
 * The OpenAPI-validated router, seen as a plain express router here: its fully inferred type
 * (every route of the spec) is too deep for TypeScript to pass around (TS2589). Requests are still
 * validated against the spec before these handlers run; bodies are parsed with the zod schemas.
 */
type ApiRouter = Pick<Router, 'get' | 'post' | 'put'>;

const isUser = (
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageUserPrincipal> =>
  (credentials.principal as { type?: string }).type === 'user';

export interface PlatformMeasuresRouteOptions {
  feedback: FeedbackCollector;
  availability: AvailabilityStore;
  measures: PlatformMeasuresStore;
  levelBands: LevelBandSelection;
  httpAuth: HttpAuthService;
  config: DevexConfig;
}

/**
 * Routes of the platform's own measures: portal feedback, availability, provisioning per week,
 * onboarding and the level bands in use. Added to the OpenAPI-validated router.
 */
export function addPlatformMeasuresRoutes(
  api: ApiRouter,
  options: PlatformMeasuresRouteOptions,
) {
  const { feedback, availability, measures, levelBands, httpAuth, config } =
    options;

  api.post('/feedback', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const parsed = feedbackSubmissionSchema.safeParse(req.body);
    if (!parsed.success) {
      throw violationsError(violationsFromZod(parsed.error.issues));
    }
    const outcome = await feedback.submit(
      credentials.principal.userEntityRef,
      parsed.data,
    );
    if (outcome.outcome === 'limited') {
      const seconds = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
      // Backstage's error body; @backstage/errors has no class for 429.
      res
        .status(429)
        .set('Retry-After', String(seconds))
        .json({
          error: {
            name: 'TooManyRequestsError',
            message: `feedback: too much feedback from you this hour, try again in ${seconds} s (rule: feedback-rate-limit)`,
          },
          request: { method: req.method, url: req.originalUrl },
          response: { statusCode: 429 },
        });
      return;
    }
    const receipt: FeedbackReceipt = {
      id: outcome.id,
      duplicate: outcome.outcome === 'duplicate',
    };
    res.status(receipt.duplicate ? 200 : 201).json(receipt);
  });

  api.get('/feedback/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const rules = new QueryRules();
    const window = rules.window(req.query);
    rules.done();
    res.json(
      await feedback.summary(window, {
        userRef: isUser(credentials)
          ? credentials.principal.userEntityRef
          : undefined,
      }),
    );
  });

  api.get('/availability', async (req, res) => {
    await httpAuth.credentials(req);
    const rules = new QueryRules();
    const window = rules.window(req.query);
    // The spec validated `tz` as a single string.
    const tz = rules.timeZone(req.query.tz as string | undefined, 'tz');
    rules.done();
    res.json(
      await availabilityReport({
        store: availability,
        window,
        timeZone: tz ?? config.defaultTimeZone,
        now: Date.now(),
      }),
    );
  });

  api.get('/provisioning/weeks', async (req, res) => {
    await httpAuth.credentials(req);
    const rules = new QueryRules();
    const window = rules.window(req.query);
    // The spec validated `tz` as a single string.
    const tz = rules.timeZone(req.query.tz as string | undefined, 'tz');
    rules.done();
    res.json(
      await provisioningWeeks({
        measures,
        window,
        timeZone: tz ?? config.defaultTimeZone,
      }),
    );
  });

  api.get('/level-bands', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(await levelBands.selection());
  });

  api.put('/level-bands', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(
      await levelBands.choose(
        req.body.report,
        credentials.principal.userEntityRef,
      ),
    );
  });
}
