import { Knex } from 'knex';
import { quantileOfSorted } from '@paved/plugin-devex-common';
import { num } from './rows';

/** Quantiles of one measure: `values[i]` is the `quantiles[i]` quantile, null without samples. */
export interface MeasureQuantiles {
  values: Array<number | null>;
  samples: number;
}

/** Per group (the group column's value, `''` when ungrouped), per measure. */
export type GroupedQuantiles = Map<string, Record<string, MeasureQuantiles>>;

/** Classes of one measure's samples by upper bound (inclusive; null: unbounded), in order. */
export interface MeasureClasses {
  measure: string;
  upperBounds: Array<number | null>;
}

/** What `quantilesOf` gives besides the quantiles when asked, per group. */
export interface GroupTotals {
  /** Every row, sample or not. */
  rows: number;
  /** Samples of the classified measure per class (a sample in the first class it fits). */
  classes: number[];
}

/**
 * Exact quantiles (linear interpolation between closest ranks, as `quantileOfSorted` and
 * PostgreSQL's `percentile_cont`) of several measures of the rows `rows` selects, per group.
 * `rows` must select each measure under its name and, when grouped, the group column. A null or
 * negative value is not a sample (a stage that has not ended, or whose clocks disagree).
 *
 * PostgreSQL computes them where the rows are (sorting there instead of shipping every sample);
 * SQLite, an embedded database, hands the rows over and they are sorted here.
 */
export async function quantilesOf(
  db: Knex,
  rows: Knex.QueryBuilder,
  options: {
    measures: string[];
    quantiles: number[];
    groupBy?: string;
    /** Also count rows, and the samples of one measure per class, in the same read. */
    totals?: { classes: MeasureClasses; into: Map<string, GroupTotals> };
  },
): Promise<GroupedQuantiles> {
  const { measures, quantiles, groupBy, totals } = options;
  const result: GroupedQuantiles = new Map();
  const classOf = (value: number) =>
    totals!.classes.upperBounds.findIndex(b => b === null || value <= b);
  if (db.client.config.client === 'pg') {
    // Constants from the code, never from a request: safe to write into the statement.
    const wanted = `ARRAY[${quantiles
      .map(q => Number(q))
      .join(',')}]::float8[]`;
    const columns: Array<Knex.Raw | string> = groupBy
      ? [db.raw('?? AS grp', [groupBy])]
      : [];
    measures.forEach((m, i) => {
      columns.push(
        db.raw(`count(??) FILTER (WHERE ?? >= 0) AS ??`, [m, m, `n${i}`]),
        db.raw(
          `percentile_cont(${wanted}) WITHIN GROUP (ORDER BY ??) FILTER (WHERE ?? >= 0) AS ??`,
          [m, m, `q${i}`],
        ),
      );
    });
    if (totals) {
      const { measure, upperBounds } = totals.classes;
      columns.push(db.raw('count(*) AS rows'));
      upperBounds.forEach((upper, i) => {
        const lower = i === 0 ? null : upperBounds[i - 1];
        // Bounds are constants from the code, never from a request.
        const bounds = [
          lower === null ? '?? >= 0' : `?? > ${Number(lower)}`,
          upper === null ? null : `?? <= ${Number(upper)}`,
        ].filter((b): b is string => b !== null);
        columns.push(
          db.raw(`count(*) FILTER (WHERE ${bounds.join(' AND ')}) AS ??`, [
            ...bounds.map(() => measure),
            `k${i}`,
          ]),
        );
      });
    }
    const query = db.select(columns).from(rows.as('samples'));
    if (groupBy) query.groupBy(groupBy);
    for (const row of (await query) as Array<Record<string, any>>) {
      if (totals) {
        totals.into.set(groupBy ? String(row.grp) : '', {
          rows: num(row.rows),
          classes: totals.classes.upperBounds.map((_, i) => num(row[`k${i}`])),
        });
      }
      const entry: Record<string, MeasureQuantiles> = {};
      measures.forEach((m, i) => {
        const q: number[] | null = row[`q${i}`];
        entry[m] = {
          samples: num(row[`n${i}`]),
          values: quantiles.map((_, k) => (q ? Number(q[k]) : null)),
        };
      });
      result.set(groupBy ? String(row.grp) : '', entry);
    }
    return result;
  }

  const samples = new Map<string, number[][]>();
  for (const row of (await rows) as Array<Record<string, any>>) {
    const group = groupBy ? String(row[groupBy]) : '';
    const lists = samples.get(group) ?? measures.map(() => []);
    if (totals) {
      const known = totals.into.get(group) ?? {
        rows: 0,
        classes: totals.classes.upperBounds.map(() => 0),
      };
      known.rows += 1;
      const v = row[totals.classes.measure];
      if (v !== null && v !== undefined && Number(v) >= 0) {
        known.classes[classOf(Number(v))] += 1;
      }
      totals.into.set(group, known);
    }
    measures.forEach((m, i) => {
      const v = row[m];
      if (v !== null && v !== undefined && Number(v) >= 0) {
        lists[i].push(Number(v));
      }
    });
    samples.set(group, lists);
  }
  for (const [group, lists] of samples) {
    const entry: Record<string, MeasureQuantiles> = {};
    measures.forEach((m, i) => {
      const sorted = lists[i].sort((a, b) => a - b);
      entry[m] = {
        samples: sorted.length,
        values: quantiles.map(q => quantileOfSorted(sorted, q)),
      };
    });
    result.set(group, entry);
  }
  return result;
}

/** The quantiles of a group that had no rows at all. */
export function noSamples(quantiles: number[]): MeasureQuantiles {
  return { samples: 0, values: quantiles.map(() => null) };
}
