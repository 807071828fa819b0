import type { ReactNode } from 'react';
import type { DomainStatus, PapActionStatus } from '#shared/action-plans';
import { LineIcon } from '../../components/LineIcon';

const statusDrawings: Record<DomainStatus, ReactNode> = {
  // A question mark: nothing is known yet.
  not_discussed: (
    <>
      <circle cx="12" cy="12" r="9" strokeDasharray="3 3" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5V14" />
      <path d="M12 17h.01" />
    </>
  ),
  // A tick: fine.
  no_concern: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12l3 3 5-6" />
    </>
  ),
  // An exclamation mark in a triangle: keep an eye on it.
  attention: (
    <>
      <path d="M12 3l10 18H2z" />
      <path d="M12 10v5" />
      <path d="M12 18h.01" />
    </>
  ),
  // A barrier: it stands in the way of work.
  hindering: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M5.6 5.6l12.8 12.8" />
    </>
  ),
};

export const StatusPictogram = ({ status, size }: { status: DomainStatus; size?: number }) => (
  <LineIcon size={size}>{statusDrawings[status]}</LineIcon>
);

const actionDrawings: Record<PapActionStatus, ReactNode> = {
  open: <circle cx="12" cy="12" r="9" />,
  done: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12l3 3 5-6" />
    </>
  ),
  dropped: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9 9l6 6M15 9l-6 6" />
    </>
  ),
};

export const ActionPictogram = ({ status, size }: { status: PapActionStatus; size?: number }) => (
  <LineIcon size={size}>{actionDrawings[status]}</LineIcon>
);

/** A lock: the compartment is confidential. */
export const LockPictogram = ({ size }: { size?: number }) => (
  <LineIcon size={size}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </LineIcon>
);
