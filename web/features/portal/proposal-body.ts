import type { PlanTextSection, ProposalCreateBody } from '#shared/development-plans';

/** The proposal form's fields: every kind's fields at once, so switching kinds keeps what was typed. */
export interface ProposalDraft {
  kind: ProposalCreateBody['kind'];
  what: string;
  why: string;
  dueDate: string;
  /** '' for "no goal". */
  goalKey: string;
  section: PlanTextSection;
  text: string;
  message: string;
}

/** The request body for the chosen kind: only that kind's fields (the contract is strict). */
export function proposalBody(values: ProposalDraft): ProposalCreateBody {
  const message = values.message.trim();
  switch (values.kind) {
    case 'goal':
      return { kind: 'goal', what: values.what.trim(), why: values.why.trim(), dueDate: values.dueDate, message };
    case 'action':
      return {
        kind: 'action',
        what: values.what.trim(),
        dueDate: values.dueDate,
        goalKey: values.goalKey || null,
        message,
      };
    case 'text':
      return { kind: 'text', section: values.section, text: values.text.trim(), message };
  }
}
