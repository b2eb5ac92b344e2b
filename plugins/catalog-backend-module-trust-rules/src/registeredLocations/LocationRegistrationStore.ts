import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** Who registered a location. */
export interface LocationRegistration {
  /** `<type>:<target>` */
  locationRef: string;
  /** Entity ref of the user, or subject of the service. */
  registeredBy: string;
  /** The user's ownership refs when they registered; undefined for a service (no restriction). */
  ownershipRefs?: string[];
}

const TABLE = 'paved_location_registrations';

/**
 * Registrations, kept in the catalog's own database (one table, migrated with a migrations table
 * of its own so the catalog's migrations never see it).
 */
export class LocationRegistrationStore {
  static async create(database: DatabaseService) {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({
        directory: resolvePackagePath(
          '@paved/plugin-catalog-backend-module-trust-rules',
          'migrations',
        ),
        tableName: 'paved_trust_rules_knex_migrations',
      });
    }
    return new LocationRegistrationStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async get(locationRef: string): Promise<LocationRegistration | undefined> {
    const row = await this.db(TABLE).where({ location_ref: locationRef }).first();
    if (!row) return undefined;
    return {
      locationRef: row.location_ref,
      registeredBy: row.registered_by,
      ownershipRefs: row.ownership_refs
        ? JSON.parse(row.ownership_refs)
        : undefined,
    };
  }

  /**
   * Records a registration, unless the catalog already has that location: then its first
   * registrant stays (a second POST of the same location is the catalog's 409, and must not hand
   * the location to the second person).
   */
  async recordUnlessRegistered(registration: LocationRegistration) {
    const [type, ...rest] = registration.locationRef.split(':');
    // The catalog's own `locations` table, in this same database: the one source of truth of
    // which locations exist.
    const existing = await this.db('locations')
      .where({ type, target: rest.join(':') })
      .first();
    if (existing) return;
    await this.db(TABLE)
      .insert({
        location_ref: registration.locationRef,
        registered_by: registration.registeredBy,
        ownership_refs: registration.ownershipRefs
          ? JSON.stringify(registration.ownershipRefs)
          : null,
        registered_at: new Date(),
      })
      .onConflict('location_ref')
      .merge();
  }
}
