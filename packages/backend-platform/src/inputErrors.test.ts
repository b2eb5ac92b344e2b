import { z } from 'zod/v3';
import {
  formatFieldPath,
  violationsError,
  violationsFromZod,
} from './inputErrors';

describe('violations', () => {
  it('names every broken rule of a body, not only the first', () => {
    const schema = z
      .object({
        name: z.string().regex(/^[a-z]+$/, 'must be lowercase letters'),
        storageGB: z.number().int().positive('must be positive'),
        size: z.enum(['small', 'large']),
      })
      .strict();
    const result = schema.safeParse({
      name: 'Bad Name',
      storageGB: -1,
      extra: 1,
    });
    expect(result.success).toBe(false);
    const error = violationsError(
      violationsFromZod(result.success ? [] : result.error.issues),
    );
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(
      'name: must be lowercase letters (rule: pattern)',
    );
    expect(error.message).toContain(
      'storageGB: must be positive (rule: minimum)',
    );
    expect(error.message).toMatch(/size: .* \(rule: required\)/);
    expect(error.message).toContain(
      'extra: is not a known field (rule: no-unknown-fields)',
    );
    expect(error.message.split('; ')).toHaveLength(4);
  });

  it('takes the rule of a custom issue from its params, else calls it custom', () => {
    const schema = z.string().superRefine((value, ctx) => {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'must be short',
        params: value === 'named' ? { rule: 'max-length' } : undefined,
      });
    });
    const violations = (value: string) => {
      const result = schema.safeParse(value);
      return violationsFromZod(result.success ? [] : result.error.issues, [
        'title',
      ]);
    };
    expect(violations('named')).toEqual([
      { field: 'title', problem: 'must be short', rule: 'max-length' },
    ]);
    expect(violations('other')).toEqual([
      { field: 'title', problem: 'must be short', rule: 'custom' },
    ]);
  });

  it('formats nested paths as a developer writes them', () => {
    expect(formatFieldPath(['events', 3, 'data', 'commits', 0, 'sha'])).toBe(
      'events[3].data.commits[0].sha',
    );
    expect(formatFieldPath([])).toBe('');
  });

  it('refuses to build an error without a violation', () => {
    expect(() => violationsError([])).toThrow();
  });
});
