import type {
  Approval,
  ApprovalSubjectType,
} from '@paved/plugin-provisioning-common';
import { Knex } from 'knex';
import { isUniqueViolation } from '@paved/backend-platform';

const APPROVALS = 'provisioning_approvals';

/** A request or an operation on its database. */
export interface ApprovalSubject {
  type: ApprovalSubjectType;
  id: string;
}

/** Storage of approvals: one per person and subject, oldest first. */
export interface ApprovalStore {
  /**
   * Records an approval. `added` is false when this approver had already approved the subject:
   * the same person twice counts once.
   */
  add(
    subject: ApprovalSubject,
    approval: { approver: string; comment?: string },
  ): Promise<{ added: boolean; approvals: Approval[] }>;

  list(subject: ApprovalSubject): Promise<Approval[]>;

  /** Approvals of many subjects of one type, by subject id. */
  listMany(
    type: ApprovalSubjectType,
    ids: string[],
  ): Promise<Map<string, Approval[]>>;
}

type ApprovalRow = {
  subject_type: string;
  subject_id: string;
  approver: string;
  comment: string | null;
  created_at: Date | string | number;
};

function rowToApproval(row: ApprovalRow): Approval {
  const at =
    row.created_at instanceof Date ? row.created_at : new Date(row.created_at);
  return {
    approver: row.approver,
    ...(row.comment ? { comment: row.comment } : {}),
    approvedAt: at.toISOString(),
  };
}

/**
 * {@link ApprovalStore} on the plugin's database (the table comes with the plugin's migrations,
 * which `KnexDatabaseRequestStore.create` runs).
 */
export class KnexApprovalStore implements ApprovalStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(
    subject: ApprovalSubject,
    approval: { approver: string; comment?: string },
  ): Promise<{ added: boolean; approvals: Approval[] }> {
    const approver = approval.approver.toLocaleLowerCase('en-US');
    let added = false;
    try {
      await this.db.transaction(async tx => {
        const existing = await tx(APPROVALS)
          .where({
            subject_type: subject.type,
            subject_id: subject.id,
            approver,
          })
          .first('approver');
        if (existing) return;
        await tx(APPROVALS).insert({
          subject_type: subject.type,
          subject_id: subject.id,
          approver,
          comment: approval.comment ?? null,
          created_at: this.now(),
        });
        added = true;
      });
    } catch (error) {
      // The same approver in two concurrent calls: the primary key lets one through.
      if (!isUniqueViolation(error)) throw error;
      added = false;
    }
    return { added, approvals: await this.list(subject) };
  }

  async list(subject: ApprovalSubject): Promise<Approval[]> {
    const rows = await this.db<ApprovalRow>(APPROVALS)
      .where({ subject_type: subject.type, subject_id: subject.id })
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'approver', order: 'asc' },
      ]);
    return rows.map(rowToApproval);
  }

  async listMany(
    type: ApprovalSubjectType,
    ids: string[],
  ): Promise<Map<string, Approval[]>> {
    const result = new Map<string, Approval[]>(ids.map(id => [id, []]));
    if (ids.length === 0) return result;
    const rows = await this.db<ApprovalRow>(APPROVALS)
      .where({ subject_type: type })
      .whereIn('subject_id', ids)
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'approver', order: 'asc' },
      ]);
    for (const row of rows)
      result.get(row.subject_id)?.push(rowToApproval(row));
    return result;
  }
}
