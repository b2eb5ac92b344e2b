import { z } from 'zod/v3';
import {
  DATABASE_SIZES,
  type DatabaseProviderId,
  type DatabaseSize,
} from './types';

/** A monthly cost in one currency (ISO 4217 code, e.g. `EUR`). */
export interface Cost {
  monthly: number;
  currency: string;
}

/** The cost of an operation: the monthly cost after it, and how much that adds (negative: saves). */
export interface CostChange extends Cost {
  change: number;
}

/** Monthly prices of one provider: per instance of a size, plus per GB of storage. */
export interface ProviderPrices {
  sizes: Record<DatabaseSize, number>;
  storageGBMonthly: number;
}

/**
 * The price table (`provisioning.cost` in config, served by `GET /prices`): one currency, prices
 * per provider, and the prices of providers the table does not name.
 */
export interface PriceTable {
  currency: string;
  providers: Record<DatabaseProviderId, ProviderPrices>;
  default: ProviderPrices;
}

const amount = z.number().finite().nonnegative();
const providerPricesSchema = z
  .object({
    sizes: z.object(
      Object.fromEntries(DATABASE_SIZES.map(size => [size, amount])) as Record<
        DatabaseSize,
        typeof amount
      >,
    ),
    storageGBMonthly: amount,
  })
  .strict();

/** Wire schema of {@link PriceTable}, so a client can trust what it computes with. */
export const priceTableSchema = z
  .object({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
    providers: z.record(providerPricesSchema),
    default: providerPricesSchema,
  })
  .strict();

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The estimated monthly cost of a database: the provider's price of the size plus its storage.
 * Pure, so the request form computes the same figure as the backend while the developer types.
 */
export function estimateCost(
  prices: PriceTable,
  provider: DatabaseProviderId,
  size: DatabaseSize,
  storageGB: number,
): Cost {
  const table = prices.providers[provider] ?? prices.default;
  return {
    monthly: cents(table.sizes[size] + table.storageGBMonthly * storageGB),
    currency: prices.currency,
  };
}

/** What a change from `before` to `after` does to the monthly cost. */
export function costChange(before: Cost, after: Cost): CostChange {
  return { ...after, change: cents(after.monthly - before.monthly) };
}

/** `EUR 123.40 / month`-style text, in the user's locale. */
export function formatMonthlyCost(cost: Cost, locale?: string): string {
  return `${new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: cost.currency,
  }).format(cost.monthly)} / month`;
}

/** A team's monthly total over its live databases (`GET /costs`). */
export interface TeamCost {
  owner: string;
  monthly: number;
  currency: string;
  /** Live requests counted. */
  requests: number;
  /** The team's monthly budget, when one is configured; above it requests need approval. */
  budget?: number;
}
