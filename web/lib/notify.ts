import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n';

/** A short message in the corner; its close button gets a translated name. */
export function notify(message: string, { error = false, long = false } = {}) {
  notifications.show({
    message,
    color: error ? 'red' : 'groen',
    autoClose: long ? 10_000 : 5_000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

/** On logout: the next person at this device should not read what the previous one did. */
export function clearNotifications() {
  notifications.clean();
}
