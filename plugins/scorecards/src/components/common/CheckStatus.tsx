import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { CheckStatus as Status } from '@paved/plugin-scorecards-common';

const LABELS: Record<Status, string> = {
  pass: 'Pass',
  fail: 'Fail',
  exempt: 'Exempt',
  unknown: 'Unknown',
};

/** A check's status in Backstage's status colours; `unknown` is grey, never red. */
export function CheckStatus(props: { status: Status; showLabel?: boolean }) {
  const label = props.showLabel === false ? '' : LABELS[props.status];
  switch (props.status) {
    case 'pass':
      return <StatusOK>{label}</StatusOK>;
    case 'fail':
      return <StatusError>{label}</StatusError>;
    case 'exempt':
      return <StatusWarning>{label}</StatusWarning>;
    default:
      return <StatusAborted>{label}</StatusAborted>;
  }
}

export function statusLabel(status: Status): string {
  return LABELS[status];
}
