import { openApiViolations } from './contractErrors';

describe('openApiViolations', () => {
  it('reads every violation of the validator’s message, naming fields as clients do', () => {
    expect(
      openApiViolations(
        'request/body/events/0 must have required property \'subject\', request/body/events/3/data/status must be equal to one of the allowed values: success, failed, request/body/events/3/data must match "then" schema, request/query/limit must be <= 500, request/body must NOT have additional properties, request/body must NOT have additional properties',
      ),
    ).toEqual([
      { field: 'events[0].subject', problem: 'is required', rule: 'required' },
      {
        field: 'events[3].data.status',
        problem: 'must be equal to one of the allowed values: success, failed',
        rule: 'enum',
      },
      { field: 'limit', problem: 'must be <= 500', rule: 'maximum' },
      {
        field: '',
        problem: 'has fields that are not in the contract',
        rule: 'no-unknown-fields',
      },
    ]);
  });

  it('reads the validator’s parameter errors', () => {
    expect(openApiViolations("Unknown query parameter 'colour'")).toEqual([
      {
        field: 'colour',
        problem: 'is not a parameter of this route',
        rule: 'no-unknown-fields',
      },
    ]);
    expect(
      openApiViolations("Empty value found for query parameter 'tz'"),
    ).toEqual([{ field: 'tz', problem: 'must not be empty', rule: 'minimum' }]);
  });

  it('leaves other messages alone', () => {
    expect(
      openApiViolations('from: must be before to (rule: window-order)'),
    ).toBeUndefined();
    expect(openApiViolations('group x is not in the catalog')).toBeUndefined();
  });
});
