import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, roles } from '#shared/common';
import { canManageUsers } from '../../app/access';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import type { User } from '../../lib/api';
import { useSessionUser } from '../auth/useSessionUser';
import { ActiveToggleDialog } from './ActiveToggleDialog';
import { ParticipantCreateModal } from './ParticipantCreateModal';
import { usersQuery } from './queries';
import { SetPasswordModal } from './SetPasswordModal';
import { StaffCreateModal } from './StaffCreateModal';
import { UserEditModal } from './UserEditModal';

type Dialog =
  | { kind: 'newStaff' }
  | { kind: 'newParticipant' }
  | { kind: 'edit'; user: User }
  | { kind: 'password'; user: User }
  | { kind: 'active'; user: User }
  | null;

const PAGE_SIZE = 50;

const isRole = (value: string): value is Role => roles.some((role) => role === value);

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const canManage = canManageUsers(me.role);
  const [role, setRole] = useState('');
  const [active, setActive] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [page, setPage] = useState(1);
  const query = useQuery({
    ...usersQuery({
      role: isRole(role) ? role : undefined,
      active: active === 'true' || active === 'false' ? active : undefined,
      q: q || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    // Keeps the list on screen while a new filter loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });

  const columns: Column<User>[] = [
    { header: t('fields.name'), cell: (user) => user.name },
    { header: t('users.loginName'), cell: (user) => user.email ?? user.username ?? '—' },
    { header: t('fields.role'), cell: (user) => t(`roles.${user.role}`) },
    {
      header: t('fields.status'),
      cell: (user) => (
        <Badge color={user.active ? 'groen' : 'gray'} variant="light">
          {user.active ? t('common.activeStatus') : t('users.inactiveStatus')}
        </Badge>
      ),
    },
  ];

  const actions = (user: User) => (
    <>
      <Button
        size="xs"
        variant="default"
        aria-label={t('common.editNamed', { name: user.name })}
        onClick={() => setDialog({ kind: 'edit', user })}
      >
        {t('common.edit')}
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-label={t('users.setPasswordNamed', { name: user.name })}
        onClick={() => setDialog({ kind: 'password', user })}
      >
        {t('users.setPassword')}
      </Button>
      {user.id !== me.id && (
        <Button
          size="xs"
          variant="default"
          aria-label={t(user.active ? 'users.deactivateNamed' : 'users.reactivateNamed', { name: user.name })}
          onClick={() => setDialog({ kind: 'active', user })}
        >
          {t(user.active ? 'users.deactivate' : 'users.reactivate')}
        </Button>
      )}
    </>
  );

  return (
    <Stack gap="md">
      <PageTitle>{t('users.title')}</PageTitle>
      {canManage && (
        <Group gap="sm">
          <Button onClick={() => setDialog({ kind: 'newStaff' })}>{t('users.newStaff')}</Button>
          <Button variant="outline" onClick={() => setDialog({ kind: 'newParticipant' })}>
            {t('users.newParticipant')}
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" role="search" aria-label={t('users.filters')}>
        <TextInput
          type="search"
          label={t('users.search')}
          description={t('users.searchHint')}
          // Below the field, so the three filters line up.
          inputWrapperOrder={['label', 'input', 'description']}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
        />
        <NativeSelect
          label={t('fields.role')}
          value={role}
          onChange={(event) => {
            setRole(event.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: '', label: t('users.allRoles') },
            ...roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          ]}
        />
        <NativeSelect
          label={t('fields.status')}
          value={active}
          onChange={(event) => {
            setActive(event.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: '', label: t('users.allStatuses') },
            { value: 'true', label: t('common.activeStatus') },
            { value: 'false', label: t('users.inactiveStatus') },
          ]}
        />
      </SimpleGrid>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <Text size="sm" aria-live="polite">
            {t('users.total', { count: query.data.total })}
          </Text>
          <ResponsiveTable
            caption={t('users.title')}
            rows={query.data.items}
            rowKey={(user) => user.id}
            columns={columns}
            empty={t('users.empty')}
            actions={canManage ? actions : undefined}
          />
          {query.data.total > PAGE_SIZE && (
            <Pager
              label={t('users.pagination')}
              page={page}
              pages={Math.ceil(query.data.total / PAGE_SIZE)}
              onPage={setPage}
            />
          )}
        </>
      )}
      {dialog?.kind === 'newStaff' && <StaffCreateModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'newParticipant' && <ParticipantCreateModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <UserEditModal user={dialog.user} isSelf={dialog.user.id === me.id} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'password' && <SetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'active' && <ActiveToggleDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
