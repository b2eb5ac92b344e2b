import { z } from 'zod/v3';

/**
 * When a person started (a date such as `2026-11-02`, read as the start of that day in UTC, or an
 * RFC 3339 timestamp with offset), set on a User entity. It wins over the time DevEx first saw the
 * user in the catalog, which for people already there when DevEx started tracking is unknown.
 * @public
 */
export const ANNOTATION_START_DATE = 'paved.dev/start-date';

/**
 * A User entity's GitHub login: the annotation Backstage's GitHub org provider writes (a Backstage
 * convention, not a Paved contract). GitHub pull request authors and workflow actors are matched
 * to users through it, or else through the entity's name.
 * @public
 */
export const ANNOTATION_GITHUB_USER_LOGIN = 'github.com/user-login';

const USER_REF = /^user:[a-z0-9-_.]+\/[a-z0-9-_.]+$/i;

/**
 * A person behind a change or a deployment: a full user entity ref (`user:default/sam.rivera`) or
 * a login (`sam-rivera`, matched to a User by its GitHub login annotation or its name).
 * @public
 */
export const personSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
  .refine(value => !value.includes(':') || USER_REF.test(value), {
    message:
      'must be a user entity ref such as user:default/sam.rivera or a login such as sam-rivera',
  });

/**
 * The stored form of a person: entity refs and logins in lower case (GitHub logins and entity
 * refs compare case-insensitively).
 * @public
 */
export function normalisePerson(value: string): string {
  return value.toLocaleLowerCase('en-US');
}

/**
 * The start time (epoch ms) of a `paved.dev/start-date` value, or `undefined` when it is not a
 * date (`YYYY-MM-DD`, UTC) or an RFC 3339 timestamp with offset.
 * @public
 */
export function parseStartDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    // A day that does not exist (2026-02-30) is not a date, whatever the parser rolls it to.
    return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(text)
      ? ms
      : undefined;
  }
  if (!z.string().datetime({ offset: true }).safeParse(text).success) {
    return undefined;
  }
  return Date.parse(text);
}

/** The two milestones of onboarding, in the order a newcomer reaches them. @public */
export const onboardingMilestones = ['firstMerge', 'firstDeploy'] as const;

/** @public */
export type OnboardingMilestone = (typeof onboardingMilestones)[number];

/** What each milestone measures, for tooltips and READMEs. @public */
export const onboardingMilestoneDefinitions: Record<
  OnboardingMilestone,
  { title: string; description: string }
> = {
  firstMerge: {
    title: 'To first merged change',
    description:
      'From the start (paved.dev/start-date, else the first time the user appeared in the catalog) to the first change they authored that was merged.',
  },
  firstDeploy: {
    title: 'To first production deployment',
    description:
      'From the start to the first successful production deployment they triggered.',
  },
};
