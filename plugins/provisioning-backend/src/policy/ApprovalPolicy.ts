import {
  BackstageCredentials,
  BackstageUserInfo,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type {
  ApprovalRule,
  ApprovalState,
  ProvisioningPolicy,
} from '@paved/plugin-provisioning-common';
import type { ApprovalStore, ApprovalSubject } from '../database';

/** What is to be approved: a request, or an operation on a request's database. */
export interface PendingChange {
  subject: ApprovalSubject;
  /** For messages: `request <id>` or `operation <id>`. */
  label: string;
  environment: string;
  requestedBy: string;
}

export interface Approver {
  credentials: BackstageCredentials;
  userInfo: BackstageUserInfo;
}

/** Why an approver may not decide a change, or undefined when they may. */
export interface Refusal {
  rule: string;
  problem: string;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The approval rules: per environment, how many approvals by distinct people a change needs and
 * which groups may give them (`provisioning.environments.<env>.approval`), and four eyes on top
 * (nobody decides what they filed, the platform team included).
 */
export class ApprovalPolicy {
  constructor(
    private readonly options: {
      policy: ProvisioningPolicy;
      store: ApprovalStore;
      /** The user's ownership refs and catalog groups (see RequestGuardrails.claimsOf). */
      claimsOf: (approver: Approver) => Promise<string[]>;
    },
  ) {}

  ruleFor(environment: string): ApprovalRule {
    const env = this.options.policy.environments.find(
      e => e.environment === environment,
    );
    return (
      env?.approval ?? {
        required: 1,
        approvers: [lower(this.options.policy.platformTeam)],
      }
    );
  }

  async stateOf(change: PendingChange): Promise<ApprovalState> {
    const rule = this.ruleFor(change.environment);
    return {
      ...rule,
      approvals: await this.options.store.list(change.subject),
    };
  }

  /** Whether this approver may approve or reject the change, judged by the rules alone. */
  async refusal(
    change: PendingChange,
    approver: Approver,
    claims?: string[],
  ): Promise<Refusal | undefined> {
    const actor = lower(approver.userInfo.userEntityRef);
    if (actor === lower(change.requestedBy)) {
      return {
        rule: 'four eyes, nobody reviews their own request',
        problem: 'you filed it',
      };
    }
    const rule = this.ruleFor(change.environment);
    const held = new Set(claims ?? (await this.options.claimsOf(approver)));
    if (!rule.approvers.some(group => held.has(group))) {
      return {
        rule: `environments.${change.environment}.approval.approvers`,
        problem: `only members of ${rule.approvers.join(
          ', ',
        )} approve changes in ${change.environment}`,
      };
    }
    return undefined;
  }

  /** Throws a 403 naming the rule when the approver may not decide the change. */
  async assertMayDecide(
    change: PendingChange,
    approver: Approver,
    what: 'approve' | 'reject',
  ): Promise<void> {
    const refusal = await this.refusal(change, approver);
    if (refusal) {
      throw new NotAllowedError(
        `You may not ${what} ${change.label}: ${refusal.problem} (rule: ${refusal.rule})`,
      );
    }
  }

  /**
   * Records an approval; `complete` once the change has the required number of approvals by
   * distinct people. `added` is false when this approver had approved it already.
   */
  async approve(
    change: PendingChange,
    approver: Approver,
    comment?: string,
  ): Promise<{ added: boolean; complete: boolean; state: ApprovalState }> {
    const rule = this.ruleFor(change.environment);
    const { added, approvals } = await this.options.store.add(change.subject, {
      approver: approver.userInfo.userEntityRef,
      comment,
    });
    return {
      added,
      complete: approvals.length >= rule.required,
      state: { ...rule, approvals },
    };
  }
}
