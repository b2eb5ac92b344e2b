import type { Upgrade } from '@paved/plugin-golden-paths-common';
import {
  proposalFailedToast,
  proposalToast,
  SUCCESS_TOAST_TIMEOUT_MS,
} from './UpgradeStatus';

const opened: Upgrade = {
  id: '0c2f6d1e-7a43-4c4e-9d1f-2b1c7e0b9a11',
  entityRef: 'component:default/payments-api',
  templateRef: 'template:default/typescript-service',
  fromVersion: '1.0.0',
  toVersion: '1.2.0',
  status: 'open',
  changeUrl: 'https://github.com/acme/payments-api/pull/7',
  conflicts: [],
  createdBy: 'user:default/guest',
  createdAt: '2026-12-07T09:00:00.000Z',
  updatedAt: '2026-12-07T09:00:00.000Z',
};

describe('proposalToast', () => {
  it('is a success that fades, linking the change request', () => {
    expect(proposalToast(opened)).toEqual({
      title: 'Upgrade proposed',
      description:
        'component:default/payments-api to 1.2.0: the change request is open.',
      status: 'success',
      links: [
        {
          label: 'Review change',
          href: 'https://github.com/acme/payments-api/pull/7',
        },
      ],
      timeout: SUCCESS_TOAST_TIMEOUT_MS,
    });
  });

  it('is a warning that stays when the merge left conflicts', () => {
    expect(
      proposalToast({
        ...opened,
        status: 'needs-attention',
        conflicts: ['package.json', 'src/index.ts'],
      }),
    ).toEqual({
      title: 'Upgrade proposed with conflicts',
      description:
        'component:default/payments-api to 1.2.0: resolve the conflicts in package.json, src/index.ts.',
      status: 'warning',
      links: [
        {
          label: 'Resolve conflicts',
          href: 'https://github.com/acme/payments-api/pull/7',
        },
      ],
    });
  });

  it('is a warning that stays, without a link, when the upgrade waits for inputs', () => {
    expect(
      proposalToast({
        ...opened,
        status: 'needs-attention',
        changeUrl: undefined,
        missingInputs: ['costCentre', 'tier'],
      }),
    ).toEqual({
      title: 'Upgrade waits for inputs',
      description:
        'component:default/payments-api to 1.2.0 needs inputs the repository does not record: costCentre, tier.',
      status: 'warning',
    });
  });
});

describe('proposalFailedToast', () => {
  it('is a danger that stays, naming the component and the reason', () => {
    expect(
      proposalFailedToast(
        'component:default/payments-api',
        new Error('conflict: already proposed'),
      ),
    ).toEqual({
      title: 'Could not propose the upgrade',
      description: 'component:default/payments-api: conflict: already proposed',
      status: 'danger',
    });
  });
});
