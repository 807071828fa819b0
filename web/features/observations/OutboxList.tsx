import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../lib/format';
import { notify } from '../../lib/notify';
import { saveErrors } from './fieldErrors';
import type { Outbox, OutboxItem } from './outbox';
import { useOutboxItems } from './outboxStore';
import type { RatingBody } from './scores';

interface Props {
  outbox: Outbox;
  /** A refused item goes back into the form of its participant. */
  onFix: (item: OutboxItem) => void;
}

const ratingsOf = (item: OutboxItem) => (Array.isArray(item.body.ratings) ? (item.body.ratings as RatingBody[]) : []);

/** The observations that have not reached the server yet: waiting for a connection, or refused and waiting for me. */
export function OutboxList({ outbox, onFix }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const items = useOutboxItems(outbox);
  const [discarding, setDiscarding] = useState<OutboxItem | null>(null);
  const [sending, setSending] = useState<string | null>(null);

  if (items.length === 0) return null;

  async function sendNow(item: OutboxItem) {
    setSending(item.clientKey);
    const outcome = await outbox.send(item.clientKey);
    setSending(null);
    if (outcome.kind === 'sent' || outcome.kind === 'missing') {
      notify(t('observations.outbox.sent', { name: item.label }));
      await queryClient.invalidateQueries({ queryKey: ['observations'] });
    } else if (outcome.kind === 'offline') {
      notify(t('observations.outbox.stillOffline'), { error: true });
    } else if (outcome.kind === 'failed') {
      notify(t('observations.newPage.failed'), { error: true });
    }
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="outbox-title" bg="yellow.0">
      <Stack gap="sm">
        <Title order={2} size="h4" id="outbox-title">
          {t('observations.outbox.title', { count: items.length })}
        </Title>
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <Card component="li" key={item.clientKey} withBorder padding="sm">
              <Stack gap={6}>
                <Group justify="space-between" gap="xs">
                  <Text fw={700} className="break-anywhere">
                    {item.label}
                  </Text>
                  <Badge color={item.refusal ? 'red' : 'yellow'} variant="light" c={item.refusal ? 'red.9' : 'dark'}>
                    {item.refusal ? t('observations.outbox.refused') : t('observations.outbox.waiting')}
                  </Badge>
                </Group>
                <Text size="sm">{t('observations.outbox.queuedAt', { date: formatDateTime(item.queuedAt) })}</Text>
                {item.refusal && (
                  <Text size="sm" c="red.9">
                    {saveErrors(t, item.refusal, ratingsOf(item)).message}
                  </Text>
                )}
                <Group gap="xs">
                  {item.refusal ? (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('observations.outbox.fixFor', { name: item.label })}
                      onClick={() => onFix(item)}
                    >
                      {t('observations.outbox.fix')}
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      loading={sending === item.clientKey}
                      aria-label={t('observations.outbox.sendNowFor', { name: item.label })}
                      onClick={() => void sendNow(item)}
                    >
                      {t('observations.outbox.sendNow')}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    aria-label={t('observations.outbox.discardFor', { name: item.label })}
                    onClick={() => setDiscarding(item)}
                  >
                    {t('observations.outbox.discard')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      </Stack>
      {discarding && (
        <Dialog title={t('observations.outbox.discardTitle')} onClose={() => setDiscarding(null)}>
          <Stack gap="md">
            <Text>{t('observations.outbox.discardText', { name: discarding.label })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDiscarding(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                onClick={() => {
                  outbox.remove(discarding.clientKey);
                  setDiscarding(null);
                }}
              >
                {t('observations.outbox.discard')}
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
    </Card>
  );
}
