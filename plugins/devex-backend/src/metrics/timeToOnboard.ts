import {
  OnboardingMilestone,
  OnboardingResponse,
  onboardingMilestones,
  quantile,
} from '@paved/plugin-devex-common';
import { PersonInfo } from '../catalog/PeopleDirectory';
import { TimeWindow } from '../database/DoraStore';
import { OnboardingStore, UserSighting } from '../database/OnboardingStore';

const HOUR_MS = 3_600_000;

/** When a person's onboarding started, or null when it is unknown. */
export function startOf(
  person: PersonInfo,
  sighting: UserSighting | undefined,
): number | null {
  if (person.startDate !== null) return person.startDate;
  if (!sighting || sighting.beforeTracking) return null;
  return sighting.firstSeenAt;
}

/**
 * The identities (lower case) under which a person's changes and deployments may have been sent:
 * their entity ref, their GitHub login (annotation) and their entity name. A login or name that
 * stands for more than one person identifies nobody; a login annotation wins over a name.
 */
export function identitiesOf(people: PersonInfo[]): Map<string, string[]> {
  const byLogin = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  const claim = (map: Map<string, string[]>, key: string, ref: string) =>
    map.set(key, [...(map.get(key) ?? []), ref]);
  for (const p of people) {
    if (p.login) claim(byLogin, p.login, p.entityRef);
    claim(byName, p.name, p.entityRef);
  }
  const ownerOf = (identity: string): string | undefined => {
    const owners = byLogin.get(identity) ?? byName.get(identity) ?? [];
    return owners.length === 1 ? owners[0] : undefined;
  };
  const result = new Map<string, string[]>();
  for (const p of people) {
    const ids = new Set([p.entityRef]);
    for (const alias of [p.login, p.name]) {
      if (alias && ownerOf(alias) === p.entityRef) ids.add(alias);
    }
    result.set(p.entityRef, [...ids]);
  }
  return result;
}

const minOf = (values: Array<number | null | undefined>) => {
  const present = values.filter((v): v is number => typeof v === 'number');
  return present.length > 0 ? Math.min(...present) : null;
};

const summary = (hours: number[], notYet: number) => ({
  medianHours: quantile(hours, 0.5),
  p75Hours: quantile(hours, 0.75),
  samples: hours.length,
  notYet,
});

/**
 * Time to onboard of the people (of `teams`, when given) whose start lies in the window: hours
 * from the start to the first merged change they wrote and to the first successful production
 * deployment they triggered. Users DevEx has not seen before are recorded as first seen now, so
 * the onboarding view itself keeps first appearances even before the scheduled look runs; every
 * user is recorded, not only those in scope, so a group's view never marks the rest of the
 * organisation as new.
 */
export async function timeToOnboard(options: {
  store: OnboardingStore;
  people: PersonInfo[];
  teams: Set<string> | null;
  group: string | null;
  window: TimeWindow;
  now: number;
}): Promise<OnboardingResponse> {
  const { store, people, teams, window } = options;
  const sightings = await store.recordSightings(
    people.map(p => p.entityRef),
    options.now,
  );
  const inScope = teams
    ? people.filter(p => p.groups.some(g => teams.has(g)))
    : people;
  let unknownStart = 0;
  const cohort: Array<{ person: PersonInfo; startAt: number }> = [];
  for (const person of inScope) {
    const startAt = startOf(person, sightings.get(person.entityRef));
    if (startAt === null) unknownStart += 1;
    else if (startAt >= window.from && startAt < window.to) {
      cohort.push({ person, startAt });
    }
  }

  const identities = identitiesOf(people);
  const firsts = await store.firstContributions(
    cohort.flatMap(({ person, startAt }) =>
      (identities.get(person.entityRef) ?? [person.entityRef]).map(
        identity => ({ identity, startAt }),
      ),
    ),
  );
  const hours: Record<OnboardingMilestone, number[]> = {
    firstMerge: [],
    firstDeploy: [],
  };
  const notYet: Record<OnboardingMilestone, number> = {
    firstMerge: 0,
    firstDeploy: 0,
  };
  for (const { person, startAt } of cohort) {
    const reached = (identities.get(person.entityRef) ?? []).map(id =>
      firsts.get(id),
    );
    const at: Record<OnboardingMilestone, number | null> = {
      firstMerge: minOf(reached.map(r => r?.firstMergeAt)),
      firstDeploy: minOf(reached.map(r => r?.firstDeployAt)),
    };
    for (const milestone of onboardingMilestones) {
      const time = at[milestone];
      if (time === null) notYet[milestone] += 1;
      else hours[milestone].push((time - startAt) / HOUR_MS);
    }
  }
  return {
    group: options.group,
    window: {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
    },
    people: cohort.length,
    unknownStart,
    firstMerge: summary(hours.firstMerge, notYet.firstMerge),
    firstDeploy: summary(hours.firstDeploy, notYet.firstDeploy),
  };
}
