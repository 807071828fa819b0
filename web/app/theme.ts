import {
  Autocomplete,
  Badge,
  type CSSVariablesResolver,
  createTheme,
  type MantineColorsTuple,
  NativeSelect,
  PasswordInput,
  TextInput,
} from '@mantine/core';

/** A green that keeps white text above WCAG AA (5.8:1) at the primary shade. */
const groen: MantineColorsTuple = [
  '#e8f6ee',
  '#d0ecdc',
  '#a3d9ba',
  '#72c596',
  '#4ab478',
  '#31a865',
  '#22a05a',
  '#178a4a',
  '#0f7440',
  '#0a5c33',
];

export const theme = createTheme({
  primaryColor: 'groen',
  // Shade 8 of every palette passes 4.5:1 with white text; Mantine's default shade 6 does not.
  primaryShade: 8,
  colors: { groen },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  // Most fields are required, so optional ones say "(niet verplicht)" instead; a red asterisk inside
  // the label would also become part of every label's text.
  components: {
    TextInput: TextInput.extend({ defaultProps: { withAsterisk: false } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { withAsterisk: false } }),
    NativeSelect: NativeSelect.extend({ defaultProps: { withAsterisk: false } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { withAsterisk: false } }),
    // Capitals are harder to read for people who read little.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
  },
});

/**
 * The light variant (badges, alerts) writes a palette's shade 9 on its shade 1: below 4.5:1 for these palettes
 * (orange 3.6:1, yellow 2.7:1, red just at it). Their text gets a darker tone of the same colour, at least 5:1 on
 * shade 1 and on white. Never give a light badge a shade ("orange.9"): then Mantine paints the background in that
 * shade, under text of nearly the same colour.
 */
export const lightTextColours: Readonly<Record<string, string>> = {
  red: '#b52626',
  teal: '#077252',
  green: '#226e32',
  lime: '#456f0a',
  yellow: '#a15300',
  orange: '#ae3a0c',
};

/** Mantine's default muted and error greys/reds are below 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    ...Object.fromEntries(
      Object.entries(lightTextColours).map(([colour, value]) => [`--mantine-color-${colour}-light-color`, value]),
    ),
  },
  dark: {},
});
