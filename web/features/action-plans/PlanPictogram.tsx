import { LineIcon } from '../../components/LineIcon';

/**
 * Mijn actieplan: a clipboard with a list. A file of its own: "Mijn pad" (the portal's first load) shows it, and
 * should not carry the other pictograms along.
 */
export const PlanPictogram = ({ size = 24 }: { size?: number }) => (
  <LineIcon size={size}>
    <rect x="5" y="4" width="14" height="17" rx="2" />
    <path d="M9 4V2h6v2" />
    <path d="M9 10h6M9 14h6M9 18h3" />
  </LineIcon>
);
