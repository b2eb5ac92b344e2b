import {
  canTransition,
  DATABASE_REQUEST_STATUSES,
  DATABASE_REQUEST_TRANSITIONS,
  isFinalStatus,
} from '.';

describe('request status transitions', () => {
  it('follows the documented lifecycle', () => {
    expect(canTransition('awaiting-approval', 'provisioning')).toBe(true);
    expect(canTransition('awaiting-approval', 'rejected')).toBe(true);
    expect(canTransition('provisioning', 'ready')).toBe(true);
    expect(canTransition('provisioning', 'failed')).toBe(true);
    expect(canTransition('ready', 'deprovisioning')).toBe(true);
    expect(canTransition('deprovisioning', 'deleted')).toBe(true);
    expect(canTransition('deprovisioning', 'expired')).toBe(true);
  });

  it('never skips approval nor leaves a final state', () => {
    expect(canTransition('awaiting-approval', 'ready')).toBe(false);
    expect(canTransition('rejected', 'provisioning')).toBe(false);
    expect(canTransition('ready', 'deleted')).toBe(false);
    for (const status of DATABASE_REQUEST_STATUSES.filter(isFinalStatus)) {
      expect(DATABASE_REQUEST_TRANSITIONS[status]).toEqual([]);
    }
  });

  it('only names known statuses', () => {
    for (const targets of Object.values(DATABASE_REQUEST_TRANSITIONS)) {
      for (const target of targets) {
        expect(DATABASE_REQUEST_STATUSES).toContain(target);
      }
    }
  });
});
