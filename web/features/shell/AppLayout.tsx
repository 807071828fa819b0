import { AppShell, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery, useWindowEvent } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { canSee } from '../../app/access';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { api } from '../../lib/api';
import { clearNotifications } from '../../lib/notify';
import { sessionQuery } from '../../lib/session';
import { useOptionalSessionUser } from '../auth/useSessionUser';
import { OutboxSync } from '../observations/OutboxSync';
import { PortalBottomBar, PortalNavLinks } from '../portal/PortalNav';
import { navItemsFor } from './navigation';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useOptionalSessionUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [menuOpen, menu] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  // A closed menu on a phone is only moved off-screen: inert keeps its links out of the tab order.
  const menuHidden = narrow && !menuOpen;
  const burger = useRef<HTMLButtonElement>(null);
  // Escape closes the open menu on a phone, as it closes a dialog, and gives the focus back to the burger.
  useWindowEvent('keydown', (event) => {
    if (event.key !== 'Escape' || !narrow || !menuOpen) return;
    menu.close();
    burger.current?.focus();
  });

  async function logout() {
    try {
      await api.auth.logout();
    } finally {
      queryClient.setQueryData(sessionQuery.queryKey, null);
      clearNotifications();
      await navigate({ to: '/inloggen' });
      queryClient.clear();
    }
  }

  if (!user) return null;
  // Participants get the portal: a bar at the bottom on a phone instead of the menu behind the burger.
  const portal = canSee(user.role, 'portal');

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: portal || !menuOpen } }}
      footer={portal ? { height: 68, collapsed: !narrow } : undefined}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              ref={burger}
              hidden={portal}
              opened={menuOpen}
              onClick={menu.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.menu')}
              aria-expanded={menuOpen}
              aria-controls="main-navigation"
            />
            {/* Two lines on a phone, where the buttons on the right leave little room for a long name. */}
            <Text fw={700} size={narrow ? 'sm' : 'md'} lh={1.2} lineClamp={2} title={user.organisationName}>
              {user.organisationName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="md" truncate="end" maw={200}>
              {user.name}
            </Text>
            <LanguageSwitch />
            <Button variant="default" size="xs" onClick={logout}>
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {portal && narrow && (
        <AppShell.Footer component="nav" aria-label={t('shell.navigation')}>
          <PortalBottomBar items={navItemsFor(user.role)} pathname={pathname} />
        </AppShell.Footer>
      )}
      <AppShell.Navbar
        id="main-navigation"
        p="sm"
        aria-label={t('shell.navigation')}
        inert={menuHidden}
        display={portal && narrow ? 'none' : undefined}
        // An admin's menu is taller than a phone's screen: it scrolls on its own, below the fixed header.
        style={{ overflowY: 'auto' }}
      >
        {portal ? (
          <PortalNavLinks items={navItemsFor(user.role)} pathname={pathname} />
        ) : (
          <Stack gap={4}>
            {/* The header has little room on a phone: the full names are repeated here. */}
            <Text size="sm" hiddenFrom="md" px="sm" pt="xs" fw={700} className="break-anywhere">
              {user.organisationName}
            </Text>
            <Text size="sm" hiddenFrom="md" px="sm" pb="xs" className="break-anywhere">
              {t('shell.loggedInAs', { name: user.name })}
            </Text>
            {navItemsFor(user.role).map((item) => {
              const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
              return (
                <NavLink
                  key={item.to}
                  label={t(item.label)}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={menu.close}
                  renderRoot={(props) => <Link to={item.to} {...props} />}
                />
              );
            })}
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <OutboxSync userId={user.id} role={user.role} />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
