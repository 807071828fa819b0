import { Alert, Box, Button, Code, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatActivationCode } from '#shared/participant-account';
import { formatExpiry } from './expiry';

export interface Handout {
  username: string;
  code: string;
  expiresAt: string;
}

/**
 * On paper only the handout is printed: everything else on the page is hidden by this print style.
 * Visibility (not display) so the handout keeps its place in the tree; it is then moved to the top of the sheet.
 */
const printStyle = `
@media print {
  body * { visibility: hidden !important; }
  .groeipad-handout, .groeipad-handout * { visibility: visible !important; }
  .groeipad-handout { position: absolute; inset: 0 auto auto 0; width: 100%; padding: 1.5cm; border: 0 !important; }
}`;

/** The sheet a coach prints for the participant: where to go, the username, the code, and what to do, in B1 Dutch. */
export function ActivationHandout({ handout, organisationName }: { handout: Handout; organisationName: string }) {
  const { t } = useTranslation();
  const address = `${window.location.origin}/activeren`;
  const big = { fontSize: '1.4rem', padding: '0.2rem 0.5rem' };

  return (
    <Stack gap="sm">
      <style>{printStyle}</style>
      <Alert color="yellow" variant="light">
        {t('participantAccount.codeOnce')}
      </Alert>
      <Box
        className="groeipad-handout"
        p="md"
        style={{ border: '2px dashed var(--mantine-color-gray-5)', borderRadius: 8 }}
        aria-label={t('participantAccount.handout.title')}
        role="region"
      >
        <Stack gap="sm">
          <Title order={3} size="h3">
            {t('participantAccount.handout.title')}
          </Title>
          <Text>{t('participantAccount.handout.intro', { organisation: organisationName })}</Text>
          <List type="ordered" spacing="sm">
            <List.Item>
              {t('participantAccount.handout.step1')}{' '}
              <Code style={big} className="break-anywhere">
                {address}
              </Code>
            </List.Item>
            <List.Item>
              {t('participantAccount.handout.step2')} <Code style={big}>{handout.username}</Code>
            </List.Item>
            <List.Item>
              {t('participantAccount.handout.step3')} <Code style={big}>{formatActivationCode(handout.code)}</Code>
            </List.Item>
            <List.Item>{t('participantAccount.handout.step4')}</List.Item>
          </List>
          <Text>{t('participantAccount.handout.valid', { date: formatExpiry(handout.expiresAt) })}</Text>
          <Text>{t('participantAccount.handout.help')}</Text>
        </Stack>
      </Box>
      <Button variant="default" onClick={() => window.print()} style={{ alignSelf: 'flex-start' }}>
        {t('participantAccount.print')}
      </Button>
    </Stack>
  );
}
