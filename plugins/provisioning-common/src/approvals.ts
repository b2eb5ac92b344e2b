import type { DatabaseRequest } from './types';

/**
 * Who approves what: per environment, how many approvals a request (or an operation on its
 * database) needs and which groups may give them. Four eyes always holds on top: nobody approves
 * what they filed, the platform team included.
 */
export interface ApprovalRule {
  /** Approvals by distinct people needed before the change goes ahead (at least 1). */
  required: number;
  /** Group entity refs whose members may approve (and reject). */
  approvers: string[];
}

/** One approval, as stored: who, when, and their comment. */
export interface Approval {
  /** User entity ref of the approver. */
  approver: string;
  comment?: string;
  approvedAt: string;
}

/** Where a pending (or decided) change stands with its approvals. */
export interface ApprovalState {
  required: number;
  approvers: string[];
  /** Approvals so far, oldest first; one per person. */
  approvals: Approval[];
}

/** What an approval is about. Operations are changes to a ready request's database. */
export type ApprovalSubjectType = 'request' | 'operation';

/** One line of what an approval would change: `before` is absent for a new database. */
export interface ApprovalDiffLine {
  field: string;
  before?: string;
  after?: string;
}

/** A pending request or operation in the approvals inbox (`GET /approvals`). */
export interface ApprovalInboxItem {
  subjectType: ApprovalSubjectType;
  /** Request or operation id. */
  id: string;
  /** The request itself, or the request whose database the operation changes. */
  requestId: string;
  /** That request, for context (name, size, owner) and its page. */
  request: DatabaseRequest;
  /** E.g. `Database orders (production)`, `resize of orders (production)`. */
  title: string;
  owner: string;
  environment: string;
  requestedBy: string;
  createdAt: string;
  /** Monthly cost after the change; `change` is what it adds (or saves, negative). */
  cost?: { monthly: number; currency: string; change?: number };
  diff: ApprovalDiffLine[];
  approval: ApprovalState;
  /** Whether the caller may approve it now. */
  canApprove: boolean;
  /** When they may not: the rule, e.g. `four eyes` or `already approved by you`. */
  reason?: string;
}
