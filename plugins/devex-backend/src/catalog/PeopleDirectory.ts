import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_GITHUB_USER_LOGIN,
  ANNOTATION_START_DATE,
  parseStartDate,
} from '@paved/plugin-devex-common';

/** What onboarding needs to know of a User entity. */
export interface PersonInfo {
  /** Entity ref, lower case. */
  entityRef: string;
  /** The entity's name, lower case: a login when no GitHub login annotation says otherwise. */
  name: string;
  /** `github.com/user-login`, lower case. */
  login: string | null;
  /** `paved.dev/start-date` (epoch ms), when set and valid. */
  startDate: number | null;
  /** Groups the user is a direct member of (lower-case refs). */
  groups: string[];
}

const normalise = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * The catalog's User entities, as onboarding needs them. One snapshot is cached briefly so the
 * onboarding view does not read every user on every request.
 */
export class PeopleDirectory {
  private snapshot?: { loadedAt: number; people: Promise<PersonInfo[]> };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      cacheMs: number;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.options.now ? this.options.now() : Date.now();
  }

  /** Every User entity in the catalog; `maxAgeMs` 0 reads afresh. */
  async people(maxAgeMs = this.options.cacheMs): Promise<PersonInfo[]> {
    const current = this.snapshot;
    if (current && this.now() - current.loadedAt < maxAgeMs) {
      const people = await current.people.catch(() => undefined);
      if (people) return people;
    }
    const next = { loadedAt: this.now(), people: this.fetch() };
    this.snapshot = next;
    return next.people;
  }

  private async fetch(): Promise<PersonInfo[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { kind: 'User' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'relations',
        ],
      },
      { credentials },
    );
    return items.map(entity => {
      const annotations = entity.metadata.annotations ?? {};
      const login = annotations[ANNOTATION_GITHUB_USER_LOGIN];
      return {
        entityRef: normalise(stringifyEntityRef(entity)),
        name: normalise(entity.metadata.name),
        login: login ? normalise(login) : null,
        startDate: parseStartDate(annotations[ANNOTATION_START_DATE]) ?? null,
        groups: (entity.relations ?? [])
          .filter(r => r.type === RELATION_MEMBER_OF)
          .map(r => normalise(r.targetRef)),
      };
    });
  }
}
