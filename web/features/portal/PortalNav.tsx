import { Box, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NavItem } from '../shell/navigation';
import { AccountIcon, FeedbackIcon, GoalsIcon, PathIcon, ProgressIcon } from './icons';
import classes from './portal.module.css';

const icons: Partial<Record<NavItem['to'], (props: { size?: number }) => ReactNode>> = {
  '/mijn-pad': PathIcon,
  '/mijn-doelen': GoalsIcon,
  '/mijn-feedback': FeedbackIcon,
  '/mijn-vooruitgang': ProgressIcon,
  '/mijn-account': AccountIcon,
};

interface Props {
  items: NavItem[];
  pathname: string;
}

const isActive = (item: NavItem, pathname: string) => pathname === item.to || pathname.startsWith(`${item.to}/`);

/** The participant's menu beside the page (tablet and computer): big rows, each with its pictogram. */
export function PortalNavLinks({ items, pathname }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {items.map((item) => {
        const Icon = icons[item.to];
        const active = isActive(item, pathname);
        return (
          <NavLink
            key={item.to}
            label={<Text size="lg">{t(item.label)}</Text>}
            leftSection={Icon ? <Icon /> : null}
            active={active}
            aria-current={active ? 'page' : undefined}
            mih={52}
            renderRoot={(props) => <Link to={item.to} {...props} />}
          />
        );
      })}
    </Stack>
  );
}

/** The participant's menu on a phone: a bar at the bottom, within reach of the thumb, every item ≥ 48 px. */
export function PortalBottomBar({ items, pathname }: Props) {
  const { t } = useTranslation();
  return (
    <Box component="ul" className={classes.bar}>
      {items.map((item) => {
        const Icon = icons[item.to];
        const active = isActive(item, pathname);
        return (
          <li key={item.to}>
            <UnstyledButton
              className={classes.barItem}
              data-active={active || undefined}
              aria-current={active ? 'page' : undefined}
              renderRoot={(props) => <Link to={item.to} {...props} />}
            >
              {Icon && <Icon size={26} />}
              <span>{t(item.label)}</span>
            </UnstyledButton>
          </li>
        );
      })}
    </Box>
  );
}
