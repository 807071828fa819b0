import { Badge, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { api, type OutboxMail } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

const deliveryColour: Record<OutboxMail['delivery'], string> = { sent: 'groen', not_sent: 'gray', failed: 'red' };

/** Mails the server queued (invitations, reset links); without SMTP this is where an admin finds them. */
export function OutboxPage() {
  const { t } = useTranslation();
  // Every read of the outbox is audited, so it is read when the page opens and not again behind the user's back.
  const query = useQuery({ queryKey: ['outbox'], queryFn: api.audit.outbox, refetchOnWindowFocus: false });
  const [open, setOpen] = useState<OutboxMail | null>(null);

  const columns: Column<OutboxMail>[] = [
    { header: t('outbox.subject'), cell: (mail) => mail.subject },
    { header: t('outbox.to'), cell: (mail) => mail.to },
    { header: t('outbox.date'), cell: (mail) => formatDateTime(mail.at) },
    {
      header: t('fields.status'),
      cell: (mail) => (
        <Badge color={deliveryColour[mail.delivery]} variant="light">
          {t(`outbox.delivery.${mail.delivery}`)}
        </Badge>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageTitle>{t('outbox.title')}</PageTitle>
      <Text>{t('outbox.intro')}</Text>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <ResponsiveTable
          caption={t('outbox.title')}
          rows={query.data.items}
          rowKey={(mail) => mail.id}
          columns={columns}
          empty={t('outbox.empty')}
          actions={(mail) => (
            <Button
              size="xs"
              variant="default"
              aria-label={t('outbox.showNamed', { subject: mail.subject, to: mail.to })}
              onClick={() => setOpen(mail)}
            >
              {t('outbox.show')}
            </Button>
          )}
        />
      )}
      {open && (
        <Dialog onClose={() => setOpen(null)} title={open.subject} size="lg">
          <Stack gap="xs">
            <Text size="sm">
              {t('outbox.to')}: {open.to}
            </Text>
            <Text size="sm">
              {t('outbox.date')}: {formatDateTime(open.at)}
            </Text>
            <Text
              component="pre"
              size="sm"
              p="sm"
              bg="gray.0"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit' }}
            >
              {open.body}
            </Text>
          </Stack>
        </Dialog>
      )}
    </Stack>
  );
}
