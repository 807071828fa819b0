import { i18n } from '../../i18n';
import { instrumentsNl } from './messages.nl';

/**
 * These staff words are left out of web/i18n/nl.ts (the portal's first load, 250 KB budget); every screen of this
 * feature imports this module, so they are registered before its first render. English comes with the English chunk.
 */
// Not a deep merge: nl.ts holds the key with no value, which i18next's deep merge cannot descend into.
i18n.addResourceBundle('nl', 'translation', { instruments: instrumentsNl }, false, true);
