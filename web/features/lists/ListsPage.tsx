import { NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ListKind, listKinds } from '#shared/lists';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ListEditor } from './ListEditor';
import { useLists } from './queries';

const isListKind = (value: string): value is ListKind => listKinds.some((kind) => kind === value);

/** The admin's words for the dossier's pick lists: one list at a time. */
export function ListsPage() {
  const { t } = useTranslation();
  const query = useLists();
  const [kind, setKind] = useState<ListKind>('programme_type');

  return (
    <Stack gap="md">
      <PageTitle>{t('listsPage.title')}</PageTitle>
      <Text>{t('listsPage.intro')}</Text>
      <NativeSelect
        label={t('listsPage.choose')}
        value={kind}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isListKind(value)) setKind(value);
        }}
        data={listKinds.map((k) => ({ value: k, label: t(`listsPage.kinds.${k}`) }))}
        maw={420}
      />
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {/* A key per list: switching lists starts from what is stored, not from another list's edits. */}
      {query.data && <ListEditor key={kind} kind={kind} stored={query.data[kind]} />}
    </Stack>
  );
}
