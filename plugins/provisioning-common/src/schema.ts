import { z } from 'zod/v3';
import {
  DATABASE_SIZES,
  DATABASE_TYPES,
  ENVIRONMENTS,
  PROVIDER_ID_PATTERN,
} from './types';

/** A lowercase DNS label (RFC 1123): what Kubernetes, Crossplane and PostgreSQL names all accept. */
export const DNS_LABEL_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS_LABEL_MAX_LENGTH = 63;

const entityRefPattern =
  /^[a-z]+:[a-z0-9][-a-z0-9_.]*\/[A-Za-z0-9][-A-Za-z0-9_.]*$/i;

/**
 * The body of `POST /requests`. Structural rules only; the policy rules (sizes, storage bounds per
 * environment, quotas, membership) are evaluated by the backend against its configuration.
 */
export const createDatabaseRequestSchema = z
  .object({
    type: z.enum(DATABASE_TYPES),
    name: z
      .string()
      .max(
        DNS_LABEL_MAX_LENGTH,
        `must be at most ${DNS_LABEL_MAX_LENGTH} characters (DNS label)`,
      )
      .regex(
        DNS_LABEL_PATTERN,
        'must be a lowercase DNS label: a-z, 0-9 and "-", starting and ending with a letter or digit',
      ),
    owner: z
      .string()
      .max(255)
      .regex(
        entityRefPattern,
        'must be an entity ref such as group:default/payments',
      ),
    system: z
      .string()
      .max(255)
      .regex(
        /^([a-z]+:)?([a-z0-9][-a-z0-9_.]*\/)?[A-Za-z0-9][-A-Za-z0-9_.]*$/i,
        'must be an entity ref or name such as system:default/payments',
      )
      .optional(),
    component: z
      .string()
      .max(255)
      .regex(
        /^([a-z]+:)?([a-z0-9][-a-z0-9_.]*\/)?[A-Za-z0-9][-A-Za-z0-9_.]*$/i,
        'must be an entity ref or name such as component:default/payments-api',
      )
      .optional(),
    environment: z.enum(ENVIRONMENTS),
    size: z.enum(DATABASE_SIZES),
    storageGB: z
      .number()
      .int('must be a whole number of gigabytes')
      .positive('must be positive'),
    version: z
      .string()
      .regex(
        /^[0-9]{1,3}(\.[0-9]{1,3})?$/,
        'must be a version such as 16 or 7.2',
      )
      .optional(),
    ttlHours: z
      .number()
      .int('must be a whole number of hours')
      .positive('must be positive')
      .optional(),
    provider: z
      .string()
      .regex(
        PROVIDER_ID_PATTERN,
        'must be a provider id: a lowercase DNS label such as sandbox',
      )
      .optional(),
  })
  .strict();

export type CreateDatabaseRequest = z.infer<typeof createDatabaseRequestSchema>;

/** The body of `POST /requests/:id/approve` and `/reject`. */
export const reviewDatabaseRequestSchema = z
  .object({ comment: z.string().max(2000).optional() })
  .strict();

/** The body of `POST /requests/:id/extend`. */
export const extendDatabaseRequestSchema = z
  .object({ hours: z.number().int().positive().optional() })
  .strict();
