import type { ReactNode } from 'react';
import { LineIcon } from '../../components/LineIcon';
import { IluoIcon } from '../iluo/IluoIcon';
import type { HomeIcon } from './home';

const SIZE = 28;

/** The pictograms of the home page's tiles: line drawings next to their words, a little larger than the menu's. */
const drawings: Record<Exclude<HomeIcon, 'iluo'>, ReactNode> = {
  // A clipboard with a pencil: noting what you saw.
  observe: (
    <>
      <path d="M9 4H6v17h8" />
      <path d="M15 4h3v6" />
      <path d="M9 3h6v3H9z" />
      <path d="M9 11h5M9 15h3" />
      <path d="M14 21l1-3 5-5 2 2-5 5z" />
    </>
  ),
  // Two people.
  participants: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c0-3.5 3-5.5 6.5-5.5s6.5 2 6.5 5.5" />
      <path d="M15.5 4.8a3.5 3.5 0 0 1 0 6.4" />
      <path d="M18 14.8c2 .7 3.5 2.4 3.5 5.2" />
    </>
  ),
  // A grid of cells, some filled: the heat map.
  heatmap: (
    <>
      <rect x="3" y="3" width="18" height="18" rx="1" />
      <path d="M9 3v18M15 3v18M3 9h18M3 15h18" />
      <path d="M10.5 4.5h3v3h-3zM4.5 10.5h3v3h-3zM16.5 16.5h3v3h-3z" fill="currentColor" stroke="none" />
    </>
  ),
  // Bars: numbers only.
  counts: (
    <>
      <path d="M3 21h18" />
      <path d="M6 17v-5M11 17V7M16 17v-8M20 17v-3" />
    </>
  ),
  // A card with a face: an account.
  users: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <circle cx="9" cy="10.5" r="2" />
      <path d="M6 16c0-1.7 1.3-2.5 3-2.5s3 .8 3 2.5" />
      <path d="M14 10h4M14 14h3" />
    </>
  ),
  // Three heads side by side: a team.
  teams: (
    <>
      <circle cx="12" cy="7" r="3" />
      <circle cx="5" cy="10" r="2.5" />
      <circle cx="19" cy="10" r="2.5" />
      <path d="M7 20c0-3 2.2-5 5-5s5 2 5 5" />
      <path d="M1.5 19c0-2.2 1.5-3.8 3.5-3.8M22.5 19c0-2.2-1.5-3.8-3.5-3.8" />
    </>
  ),
  // A list with ticks: the competencies you follow.
  competencies: (
    <>
      <path d="M4 6l1.5 1.5L8 5M4 12l1.5 1.5L8 11M4 18l1.5 1.5L8 17" />
      <path d="M11 6h9M11 12h9M11 18h9" />
    </>
  ),
};

export function HomeTileIcon({ icon }: { icon: HomeIcon }) {
  // The ILUO matrix has its own symbol, the one of the matrix and the wall chart.
  if (icon === 'iluo') return <IluoIcon level={2} size={SIZE} />;
  return <LineIcon size={SIZE}>{drawings[icon]}</LineIcon>;
}
