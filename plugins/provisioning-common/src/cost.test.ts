import { costChange, estimateCost, PriceTable, priceTableSchema } from './cost';

const prices: PriceTable = {
  currency: 'EUR',
  providers: {
    crossplane: {
      sizes: { small: 25, medium: 70, large: 190 },
      storageGBMonthly: 0.12,
    },
  },
  default: {
    sizes: { small: 5, medium: 10, large: 20 },
    storageGBMonthly: 0.1,
  },
};

describe('estimateCost', () => {
  it('adds the size price and the storage price of the provider', () => {
    expect(estimateCost(prices, 'crossplane', 'medium', 100)).toEqual({
      monthly: 82,
      currency: 'EUR',
    });
    expect(estimateCost(prices, 'crossplane', 'small', 3)).toEqual({
      monthly: 25.36,
      currency: 'EUR',
    });
  });

  it('prices a provider the table does not name with the default prices', () => {
    expect(estimateCost(prices, 'terraform', 'large', 10).monthly).toBe(21);
  });

  it('gives the change an operation causes, negative when it saves', () => {
    const before = estimateCost(prices, 'crossplane', 'small', 10);
    const after = estimateCost(prices, 'crossplane', 'large', 10);
    expect(costChange(before, after)).toEqual({
      monthly: 191.2,
      currency: 'EUR',
      change: 165,
    });
    expect(costChange(after, before).change).toBe(-165);
  });
});

describe('priceTableSchema', () => {
  it('accepts a table and refuses negative prices and unknown currencies', () => {
    expect(priceTableSchema.parse(prices)).toEqual(prices);
    const bad = priceTableSchema.safeParse({
      ...prices,
      currency: 'euro',
      default: { ...prices.default, storageGBMonthly: -1 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map(i => i.path.join('.')).sort()).toEqual([
      'currency',
      'default.storageGBMonthly',
    ]);
  });
});
