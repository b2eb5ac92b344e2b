import { DateTime } from 'luxon';
import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Violation, violationsError } from '@paved/backend-platform';
import { DoraScope } from '@paved/plugin-devex-common';
import { ServiceScope, TimeWindow } from '../database/DoraStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 90;
const MAX_WINDOW_DAYS = 3 * 366;
const EARLIEST_MS = 0;
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Rules on query parameters that the OpenAPI spec cannot state (the spec has already checked
 * types and formats). Each check adds its violations; {@link QueryRules.done} throws them all.
 */
export class QueryRules {
  private readonly violations: Violation[] = [];

  add(field: string, problem: string, rule: string) {
    this.violations.push({ field, problem, rule });
  }

  /** Throws a 400 naming every violation found so far. */
  done() {
    if (this.violations.length > 0) throw violationsError(this.violations);
  }

  /** [from, to): default the last 90 days, at most three years, within the calendar Paved answers in. */
  window(query: { from?: string; to?: string }): TimeWindow {
    const to = query.to ? Date.parse(query.to) : Date.now();
    const from = query.from
      ? Date.parse(query.from)
      : to - DEFAULT_WINDOW_DAYS * DAY_MS;
    // The spec's date-time format lets some impossible dates through (month 13 parses to NaN),
    // and a real one can lie where no answer can be written back (a default `from` 90 days
    // before the earliest date there is).
    const checks: Array<['from' | 'to', number]> = [
      ['from', from],
      ['to', to],
    ];
    let usable = true;
    for (const [field, value] of checks) {
      if (Number.isNaN(value)) {
        usable = false;
        this.add(
          field,
          'must be a calendar date-time such as 2026-10-01T00:00:00Z',
          'format',
        );
      } else if (value < EARLIEST_MS || value > LATEST_MS) {
        usable = false;
        this.add(
          field,
          'must be between 1970-01-01 and 9999-12-31 (from defaults to 90 days before to)',
          'window-range',
        );
      }
    }
    if (!usable) return { from, to };
    if (from >= to) this.add('from', 'must be before to', 'window-order');
    if (to - from > MAX_WINDOW_DAYS * DAY_MS) {
      this.add(
        'to',
        `the window from..to must not exceed ${MAX_WINDOW_DAYS} days`,
        'window-maximum',
      );
    }
    return { from, to };
  }

  /** An entity ref, normalised (default namespace, lower case), or `undefined` if it does not parse. */
  entityRef(value: string, field: string, example: string) {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, { defaultNamespace: DEFAULT_NAMESPACE }),
      ).toLocaleLowerCase('en-US');
    } catch {
      this.add(field, `must be an entity ref such as ${example}`, 'entity-ref');
      return undefined;
    }
  }

  timeZone(value: string | undefined, field: string) {
    if (value !== undefined && !DateTime.local().setZone(value).isValid) {
      this.add(
        field,
        'must be an IANA time zone such as Europe/Berlin',
        'time-zone',
      );
    }
    return value;
  }
}

/**
 * `entityRef` | `group` | neither (the organisation). A group ref given as `entityRef` means the
 * group. The services of a group come from the catalog (sub-groups included).
 */
export async function resolveScope(
  rules: QueryRules,
  query: { entityRef?: string; group?: string },
  directory: ServiceDirectory,
): Promise<{ scope: DoraScope; services: ServiceScope }> {
  if (query.entityRef !== undefined && query.group !== undefined) {
    rules.add('group', 'must not be given together with entityRef', 'one-of');
  }
  const entityRef =
    query.entityRef === undefined
      ? undefined
      : rules.entityRef(
          query.entityRef,
          'entityRef',
          'component:default/payments-api',
        );
  let groupRef = groupParameter(rules, query.group);
  rules.done();
  if (!groupRef && entityRef?.startsWith('group:')) groupRef = entityRef;
  if (groupRef) {
    const services = await directory.servicesOwnedBy(groupRef);
    return {
      scope: { kind: 'group', group: groupRef, services },
      services: { services },
    };
  }
  if (entityRef) {
    return {
      scope: { kind: 'entity', entityRef },
      services: { services: [entityRef] },
    };
  }
  return { scope: { kind: 'organization' }, services: {} };
}

/** An optional `group` parameter: a group entity ref, normalised, or `undefined` when not given. */
export function groupParameter(
  rules: QueryRules,
  value: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  const groupRef = rules.entityRef(value, 'group', 'group:default/payments');
  if (groupRef && !groupRef.startsWith('group:')) {
    rules.add(
      'group',
      'must be a group entity ref such as group:default/payments',
      'entity-kind',
    );
  }
  return groupRef;
}
