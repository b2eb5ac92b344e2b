import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
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

/** A component's upgrade state as a chip. */
export function UpgradeStateChip(props: { state: ComponentUpgradeState }) {
  const { state } = props;
  return (
    <Chip
      size="small"
      label={LABELS[state]}
      color={
        state === 'outdated'
          ? 'primary'
          : state === 'needs-attention'
          ? 'secondary'
          : 'default'
      }
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
      {upgrade.status === 'needs-attention'
        ? 'Resolve conflicts'
        : upgrade.status === 'merged'
        ? 'Merged change'
        : 'Review change'}
    </Link>
  );
}
