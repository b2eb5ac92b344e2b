import { z } from 'zod/v3';

/**
 * What a new service may be called: a lowercase DNS label starting with a letter, 2 to 63
 * characters, so it is a valid component name, repository name, Kubernetes name and Helm release.
 */
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
export const SERVICE_NAME_RULE =
  'must be 2 to 63 lowercase letters, digits and dashes, starting with a letter and not ending with a dash';

/** The answer of `GET /api/golden-paths/service-names/:name`: may a new service take the name? */
export const serviceNameAnswerSchema = z.object({
  name: z.string(),
  available: z.boolean(),
  /** Why not, when `available` is false. */
  problem: z.string().optional(),
});

export type ServiceNameAnswer = z.infer<typeof serviceNameAnswerSchema>;
