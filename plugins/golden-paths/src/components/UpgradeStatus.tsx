import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import type { ToastApiMessage } from '@backstage/frontend-plugin-api';
import type {
  ComponentUpgradeState,
  Upgrade,
} from '@paved/plugin-golden-paths-common';

const LABELS: Record<ComponentUpgradeState, string> = {
  current: 'Current',
  outdated: 'Upgrade available',
  proposed: 'Upgrade proposed',
  'needs-attention': 'Needs attention',
  unknown: 'Version unknown',
};

const CHIP_COLOURS: Partial<
  Record<ComponentUpgradeState, 'primary' | 'secondary'>
> = { outdated: 'primary', 'needs-attention': 'secondary' };

const CHANGE_LINK_LABELS: Partial<Record<Upgrade['status'], string>> = {
  'needs-attention': 'Resolve conflicts',
  merged: 'Merged change',
};

/** How long a success toast stays: failures and warnings stay until dismissed. */
export const SUCCESS_TOAST_TIMEOUT_MS = 5000;

/**
 * The toast after a proposal: opened (a success that fades, with the change request), opened
 * with conflicts, or waiting for inputs (warnings that stay, since the owners must act).
 */
export function proposalToast(upgrade: Upgrade): ToastApiMessage {
  const what = `${upgrade.entityRef} to ${upgrade.toVersion}`;
  const links = upgrade.changeUrl
    ? [
        {
          label: CHANGE_LINK_LABELS[upgrade.status] ?? 'Review change',
          href: upgrade.changeUrl,
        },
      ]
    : undefined;
  if (upgrade.missingInputs?.length) {
    return {
      title: 'Upgrade waits for inputs',
      description: `${what} needs inputs the repository does not record: ${upgrade.missingInputs.join(
        ', ',
      )}.`,
      status: 'warning',
    };
  }
  if (upgrade.status === 'needs-attention') {
    return {
      title: 'Upgrade proposed with conflicts',
      description: `${what}: resolve the conflicts in ${upgrade.conflicts.join(
        ', ',
      )}.`,
      status: 'warning',
      links,
    };
  }
  return {
    title: 'Upgrade proposed',
    description: `${what}: the change request is open.`,
    status: 'success',
    links,
    timeout: SUCCESS_TOAST_TIMEOUT_MS,
  };
}

/** The toast when a proposal could not be made; it stays until dismissed. */
export function proposalFailedToast(
  entityRef: string,
  error: unknown,
): ToastApiMessage {
  return {
    title: 'Could not propose the upgrade',
    description: `${entityRef}: ${
      error instanceof Error ? error.message : String(error)
    }`,
    status: 'danger',
  };
}

/** A component's upgrade state as a chip. */
export function UpgradeStateChip(props: { state: ComponentUpgradeState }) {
  const { state } = props;
  return (
    <Chip
      size="small"
      label={LABELS[state]}
      color={CHIP_COLOURS[state] ?? 'default'}
      data-testid={`upgrade-state-${state}`}
    />
  );
}

/** The change request of a proposal, opened where it lives. */
export function ChangeLink(props: { upgrade: Upgrade }) {
  const { upgrade } = props;
  if (!upgrade.changeUrl) return null;
  const local = upgrade.changeUrl.includes('/git/');
  return (
    <Link
      href={upgrade.changeUrl}
      target={local ? undefined : '_blank'}
      rel={local ? undefined : 'noopener noreferrer'}
    >
      {CHANGE_LINK_LABELS[upgrade.status] ?? 'Review change'}
    </Link>
  );
}

/** Why a proposal waits: the inputs its new version needs that the repository never recorded. */
export function MissingInputs(props: { upgrade: Upgrade }) {
  const { missingInputs = [], toVersion } = props.upgrade;
  if (missingInputs.length === 0) return null;
  return (
    <Typography variant="body2" data-testid="missing-inputs">
      {toVersion} needs inputs with no default: {missingInputs.join(', ')}. Add
      them under <code>inputs:</code> in <code>.paved/template.yaml</code>, then
      propose again.
    </Typography>
  );
}
