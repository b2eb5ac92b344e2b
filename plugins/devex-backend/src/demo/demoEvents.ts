import { createHash } from 'crypto';
import { DateTime } from 'luxon';
import { DEMO_SOURCE, DevexEvent } from '@paved/plugin-devex-common';

/** The example catalog's components, used when the catalog cannot be asked yet. */
export const EXAMPLE_SERVICES = [
  'component:default/paved',
  'component:default/payments-api',
  'component:default/ledger-service',
  'component:default/checkout-web',
  'component:default/storefront-catalog',
  'component:default/fraud-scoring',
  'component:default/notification-worker',
  'component:default/data-pipeline',
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Deterministic pseudo-random numbers from a string, so a re-seed sends identical events. */
function randomFrom(seed: string) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const shaOf = (text: string) => createHash('sha1').update(text).digest('hex');

/** Log-normal sample with the given median, for lead and repair times that have long tails. */
function logNormal(random: () => number, medianValue: number, spread: number) {
  const u = Math.max(random(), 1e-9);
  const v = random();
  const gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return medianValue * Math.exp(gaussian * spread);
}

/**
 * The pull request a demo deployment ships: merged as the deployment's first commit, between its
 * earliest commit and the deployment; one in ten merged without review. Drawn from its own
 * generator so the deployments stay exactly as they were before changes were seeded.
 */
function demoChange(
  deploymentId: string,
  service: string,
  finishedAt: number,
  commits: Array<{ sha: string; committedAt: string }>,
): DevexEvent {
  const draw = randomFrom(`${deploymentId}:change`);
  const iso = (ms: number) => new Date(ms).toISOString();
  const firstCommitAt = Math.min(
    ...commits.map(c => Date.parse(c.committedAt)),
  );
  const span = finishedAt - firstCommitAt;
  const mergedAt = finishedAt - span * (0.05 + 0.15 * draw());
  const openedAt =
    firstCommitAt + (mergedAt - firstCommitAt) * (0.2 + 0.3 * draw());
  const reviewed = draw() >= 0.1;
  const firstReviewAt = openedAt + (mergedAt - openedAt) * (0.1 + 0.5 * draw());
  return {
    id: `${deploymentId}-pr`,
    source: DEMO_SOURCE,
    type: 'change',
    subject: service,
    data: {
      openedAt: iso(openedAt),
      firstCommitAt: iso(firstCommitAt),
      ...(reviewed ? { firstReviewAt: iso(firstReviewAt) } : {}),
      mergedAt: iso(mergedAt),
      mergeCommit: commits[0].sha,
      additions: Math.round(logNormal(draw, 60, 1.2)),
      deletions: Math.round(logNormal(draw, 20, 1.2)),
    },
  };
}

function demoComment(score: number): string | undefined {
  if (score <= 4) {
    return 'Provisioning a database still needs a ticket for anything but Postgres.';
  }
  if (score >= 9)
    return 'The golden path got my service to production on day one.';
  return undefined;
}

/**
 * 90 days of realistic demo events for `services`, all with source `paved-demo`. Every event's
 * content depends only on its id and day, never on when seeding runs, so seeding again is a
 * no-op except for events that have happened since (and incidents that have since resolved).
 */
export function demoEvents(options: {
  services: string[];
  now: number;
  days?: number;
}): DevexEvent[] {
  const { services, now } = options;
  const days = options.days ?? 90;
  const events: DevexEvent[] = [];
  const today = DateTime.fromMillis(now, { zone: 'UTC' }).startOf('day');
  const iso = (ms: number) => new Date(ms).toISOString();

  for (const service of services) {
    const name = service.split('/').pop()!;
    const profile = randomFrom(`profile:${service}`);
    const deploysPerWorkday = 0.4 + profile() * 3;
    const leadMedianHours = 2 + profile() * 60;
    const failureChance = 0.03 + profile() * 0.17;
    const repairMedianHours = 0.5 + profile() * 12;

    for (let d = days; d >= 0; d--) {
      const day = today.minus({ days: d });
      const date = day.toISODate()!;
      const random = randomFrom(`${service}:${date}`);
      const weekend = day.weekday >= 6;
      const expected = deploysPerWorkday * (weekend ? 0.1 : 1);
      let count = Math.floor(expected);
      if (random() < expected - count) count += 1;

      for (let k = 0; k < count; k++) {
        const id = `${name}-${date}-${k}`;
        const finishedAt = day.toMillis() + (8 + random() * 10) * HOUR;
        // Everything else about this deployment comes from its own generator, so what is drawn
        // does not depend on which of today's deployments have already happened.
        const draw = randomFrom(id);
        if (finishedAt > now) continue;
        const commits = Array.from(
          { length: 1 + Math.floor(draw() * 5) },
          (_, i) => ({
            sha: shaOf(`${id}:${i}`),
            committedAt: iso(
              finishedAt - logNormal(draw, leadMedianHours, 1) * HOUR,
            ),
          }),
        );
        const pipelineFailed = draw() < 0.06;
        events.push({
          id: `${id}-staging`,
          source: DEMO_SOURCE,
          type: 'deployment',
          subject: service,
          data: {
            environment: 'staging',
            status: 'success',
            finishedAt: iso(finishedAt - 0.5 * HOUR),
            commits,
          },
        });
        events.push({
          id,
          source: DEMO_SOURCE,
          type: 'deployment',
          subject: service,
          data: {
            environment: 'production',
            status: pipelineFailed ? 'failed' : 'success',
            startedAt: iso(finishedAt - 0.2 * HOUR),
            finishedAt: iso(finishedAt),
            commits,
          },
        });
        events.push(demoChange(id, service, finishedAt, commits));
        if (pipelineFailed || draw() >= failureChance) continue;

        const incidentStart = finishedAt + (0.1 + draw()) * HOUR;
        const repair = logNormal(draw, repairMedianHours, 0.8) * HOUR;
        if (incidentStart <= now) {
          events.push({
            id: `incident-${id}`,
            source: DEMO_SOURCE,
            type: 'incident',
            subject: service,
            data: {
              startedAt: iso(incidentStart),
              resolvedAt:
                incidentStart + repair <= now
                  ? iso(incidentStart + repair)
                  : undefined,
              deploymentId: id,
              severity: draw() < 0.3 ? 'sev1' : 'sev2',
            },
          });
        }
        const rollbackAt = incidentStart + repair * 0.6;
        if (draw() < 0.5 && rollbackAt <= now) {
          events.push({
            id: `${id}-rollback`,
            source: DEMO_SOURCE,
            type: 'deployment',
            subject: service,
            data: {
              environment: 'production',
              status: 'success',
              finishedAt: iso(rollbackAt),
              commits: [],
              kind: 'rollback',
              remediates: id,
            },
          });
        }
      }

      // Now and then an outage no deployment caused (a provider, a certificate).
      if (random() < 0.02) {
        const startedAt = day.toMillis() + random() * 20 * HOUR;
        const resolvedAt = startedAt + logNormal(random, 2, 0.7) * HOUR;
        if (startedAt <= now) {
          events.push({
            id: `outage-${name}-${date}`,
            source: DEMO_SOURCE,
            type: 'incident',
            subject: service,
            data: {
              startedAt: iso(startedAt),
              resolvedAt: resolvedAt <= now ? iso(resolvedAt) : undefined,
              severity: 'sev2',
            },
          });
        }
      }
    }
  }

  return events;
}

/** A pulse survey answer of the demo seed (written straight to the survey store, labelled demo). */
export interface DemoSurveyAnswer {
  id: string;
  respondent: string;
  score: number;
  comment: string | null;
  submittedAt: number;
}

/** 24 pulse survey answers from the last 60 days, the same for every seed of the same day. */
export function demoSurveyAnswers(options: {
  now: number;
}): DemoSurveyAnswer[] {
  const surveyRandom = randomFrom('survey');
  const answers: DemoSurveyAnswer[] = [];
  for (let i = 0; i < 24; i++) {
    const score = Math.min(
      10,
      Math.max(0, Math.round(7.5 + (surveyRandom() - 0.5) * 7)),
    );
    answers.push({
      id: `survey-${i}`,
      respondent: `demo-respondent-${i}`,
      score,
      comment: demoComment(score) ?? null,
      submittedAt:
        Math.floor(options.now / DAY) * DAY - (i % 60) * DAY - 12 * HOUR,
    });
  }
  return answers;
}
