import { completeInputs } from './templateInputs';

const parameters = [
  {
    required: ['name', 'costCentre'],
    properties: {
      name: { type: 'string' },
      costCentre: { type: 'string' },
    },
  },
  {
    properties: {
      tier: { type: 'string', default: 'standard' },
      replicas: { type: 'number', default: 2 },
      region: { type: 'string' },
      api: { type: 'string' },
    },
  },
];

describe('completeInputs', () => {
  it('keeps recorded inputs, defaults new parameters, and names required ones without a default', () => {
    const completion = completeInputs({
      recorded: { name: 'orders', tier: 'critical' },
      values: {
        name: '${{ parameters.name }}',
        tier: '${{ parameters.tier }}',
        replicas: '${{ parameters.replicas }}',
        api: "${{ parameters.api or 'http' }}",
        region: '${{ parameters.region }}',
        costCentre: '${{ parameters.costCentre }}',
        label: "${{ parameters.name + '-' + parameters.tier }}",
        databaseRef: '${{ steps.database.output.entityRef }}',
        httpPort: 8080,
        language: 'typescript',
      },
      parameters,
    });
    expect(completion).toEqual({
      inputs: {
        name: 'orders',
        // Recorded values win over defaults.
        tier: 'critical',
        replicas: 2,
        api: 'http',
        httpPort: 8080,
        language: 'typescript',
      },
      defaulted: ['replicas', 'api'],
      // Required without a default, and a computed form value that only a task can evaluate.
      missing: ['costCentre', 'label'],
      // A step's output, and an optional parameter without a default: empty, as in a task.
      empty: ['region', 'databaseRef'],
    });
  });

  it('reads a single parameters object, and a parameter the schema does not know is missing', () => {
    expect(
      completeInputs({
        recorded: {},
        values: {
          tier: '${{ parameters.tier }}',
          ghost: '${{ parameters.ghost }}',
        },
        parameters: parameters[1],
      }),
    ).toMatchObject({
      inputs: { tier: 'standard' },
      defaulted: ['tier'],
      missing: ['ghost'],
    });
  });
});
