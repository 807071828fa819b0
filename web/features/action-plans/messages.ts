import { i18n } from '../../i18n';
import { actionPlansNl } from './messages.nl';

/**
 * The compartment's Dutch words are left out of web/i18n/nl.ts (the portal's first load); every screen that uses them
 * imports this module, so they are registered before its first render. English arrives with the English chunk.
 */
// Not a deep merge: nl.ts holds the key with no value, which i18next's deep merge cannot descend into.
i18n.addResourceBundle('nl', 'translation', { actionPlans: actionPlansNl }, false, true);
