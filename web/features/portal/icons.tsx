import type { ReactNode } from 'react';
import { LineIcon } from '../../components/LineIcon';

/** Pictograms of the portal, a little larger than the staff screens' (28 px). */
const Icon = ({ children, size = 28 }: { children: ReactNode; size?: number }) => (
  <LineIcon size={size}>{children}</LineIcon>
);

type IconProps = { size?: number };

/** Mijn pad: a winding road with a flag. */
export const PathIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M6 21c0-4 12-4 12-8s-8-3-8-7" />
    <path d="M10 6V2l5 2-5 2" />
    <circle cx="6" cy="21" r="0.5" />
  </Icon>
);

/** Mijn doelen: a target. */
export const GoalsIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <circle cx="12" cy="12" r="9" />
    <circle cx="12" cy="12" r="5" />
    <circle cx="12" cy="12" r="1" />
  </Icon>
);

/** Mijn feedback: two speech bubbles. */
export const FeedbackIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M3 5h12v8H8l-4 3v-3H3z" />
    <path d="M17 9h4v8h-1v3l-4-3h-5v-2" />
  </Icon>
);

/** Mijn vooruitgang: a line going up. */
export const ProgressIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M3 20h18" />
    <path d="M4 16l5-5 4 3 7-8" />
    <path d="M15 6h5v5" />
  </Icon>
);

/** Mijn account: a person. */
export const AccountIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21c0-4 4-6 8-6s8 2 8 6" />
  </Icon>
);

/** Alles over mij (the dossier): a folder. */
export const DossierIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M3 6h6l2 2h10v11H3z" />
  </Icon>
);

/** Download (the PDF). */
export const DownloadIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M12 4v11" />
    <path d="M7 10l5 5 5-5" />
    <path d="M4 20h16" />
  </Icon>
);

/** The self-assessment: a pencil. */
export const PencilIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M4 20l4-1 11-11-3-3L5 16z" />
    <path d="M14 7l3 3" />
  </Icon>
);
