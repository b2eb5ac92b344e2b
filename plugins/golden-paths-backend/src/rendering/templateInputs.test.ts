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
      notes: { type: 'string', default: '' },
      tags: { type: 'array', default: [] },
      sidecar: { type: 'boolean', default: false },
      owner: { type: 'string' },
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
        notes: '${{ parameters.notes }}',
        tags: '${{ parameters.tags }}',
        sidecar: '${{ parameters.sidecar }}',
        ownerRef: "${{ parameters.owner or '' }}",
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
        // Empty defaults are rendered as they are, and not reported as defaulted.
        notes: '',
        tags: [],
        sidecar: false,
        ownerRef: '',
        httpPort: 8080,
        language: 'typescript',
      },
      // `false` is a choice a reviewer should see; an empty string or list is not.
      defaulted: ['replicas', 'api', 'sidecar'],
      // Required without a default, and a computed form value that only a task can evaluate.
      missing: ['costCentre', 'label'],
      // A step's output, an optional parameter without a default or with an empty one: empty, as
      // in a task.
      empty: ['region', 'databaseRef', 'notes', 'tags', 'ownerRef'],
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
