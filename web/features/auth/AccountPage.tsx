import { Box, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changePasswordBody } from '#shared/auth';
import { FormError } from '../../components/FormError';
import { NewPasswordInput } from '../../components/NewPasswordInput';
import { PageTitle } from '../../components/PageTitle';
import { PasswordField } from '../../components/PasswordField';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSessionUser } from './useSessionUser';

export function AccountPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const form = useSchemaForm({
    schema: changePasswordBody,
    initialValues: { currentPassword: '', newPassword: '' },
    toBody: (values) => values,
  });
  const { onSubmit, error, pending } = useSubmit(form, api.auth.changePassword, () => {
    form.reset();
    notify(t('account.passwordChanged'));
  });

  return (
    <Stack gap="lg" maw={560}>
      <PageTitle>{t('account.title')}</PageTitle>
      <Box component="dl" m={0}>
        <Text component="dt" fw={700}>
          {t('fields.name')}
        </Text>
        <Text component="dd" ml={0} mb="xs" className="break-anywhere">
          {user.name}
        </Text>
        <Text component="dt" fw={700}>
          {user.email ? t('fields.email') : t('fields.username')}
        </Text>
        <Text component="dd" ml={0} mb="xs" className="break-anywhere">
          {user.email ?? user.username}
        </Text>
        <Text component="dt" fw={700}>
          {t('fields.role')}
        </Text>
        <Text component="dd" ml={0}>
          {t(`roles.${user.role}`)}
        </Text>
      </Box>
      <Paper withBorder p="md" component="section" aria-labelledby="change-password-title">
        <Title order={2} size="h4" id="change-password-title" mb="sm">
          {t('account.changePassword')}
        </Title>
        <Text size="sm" mb="md">
          {t('account.changePasswordIntro')}
        </Text>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <PasswordField
              label={t('fields.currentPassword')}
              required
              autoComplete="current-password"
              {...form.getInputProps('currentPassword')}
            />
            <NewPasswordInput label={t('fields.newPassword')} required {...form.getInputProps('newPassword')} />
            <FormError message={error} />
            <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
              {t('account.savePassword')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
