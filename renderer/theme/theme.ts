import { createTheme, type Theme } from '@mui/material/styles';

/**
 * Colours chosen for WCAG 2.2 AA: every text colour here is at least 4.5:1 on its
 * background (7:1 in high contrast). Sizes are in rem so text grows with browser zoom and
 * the operating system's text size.
 */
const standard = {
  mode: 'light' as const,
  primary: { main: '#1d4f91', contrastText: '#ffffff' },
  secondary: { main: '#00625a', contrastText: '#ffffff' },
  error: { main: '#b3261e' },
  warning: { main: '#8a4b00', contrastText: '#ffffff' },
  success: { main: '#1b6b2f' },
  text: { primary: '#0b0c0c', secondary: '#3d4247' },
  background: { default: '#f3f4f6', paper: '#ffffff' },
  divider: '#6f777b',
};

const highContrast = {
  mode: 'dark' as const,
  primary: { main: '#ffff00', contrastText: '#000000' },
  secondary: { main: '#00ffff', contrastText: '#000000' },
  error: { main: '#ff8080' },
  warning: { main: '#ffd080', contrastText: '#000000' },
  success: { main: '#80ff80' },
  text: { primary: '#ffffff', secondary: '#ffffff' },
  background: { default: '#000000', paper: '#000000' },
  divider: '#ffffff',
};

export const TRAINING_BANNER_COLOURS = {
  standard: { background: '#7a3e00', text: '#ffffff' },
  highContrast: { background: '#ffff00', text: '#000000' },
};

/**
 * `direction: 'rtl'` for a right-to-left staff language (tested with the ar-XB pseudo-locale):
 * MUI then lays components out right to left, and App's emotion cache mirrors the styles.
 */
export function createCivicTheme(options: { highContrast: boolean; direction?: 'ltr' | 'rtl' }): Theme {
  const palette = options.highContrast ? highContrast : standard;
  // The focus ring works on light and dark: a yellow band inside a near-black one.
  const focusRing = {
    outline: `3px solid ${options.highContrast ? '#ffffff' : '#0b0c0c'}`,
    outlineOffset: '2px',
    boxShadow: '0 0 0 6px #ffdd00',
  };
  return createTheme({
    direction: options.direction ?? 'ltr',
    palette,
    typography: {
      fontFamily: '"Segoe UI", system-ui, -apple-system, "Noto Sans", "DejaVu Sans", Arial, sans-serif',
      fontSize: 16,
      htmlFontSize: 16,
      button: { textTransform: 'none', fontWeight: 600 },
    },
    shape: { borderRadius: 4 },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          '*:focus-visible': focusRing,
          // Windows' contrast themes (forced colours) drop backgrounds and shadows: give filled
          // buttons, dialogs, menus and alerts an edge, and keep icons (select arrows, radio
          // and check marks) in the system's text colour.
          '@media (forced-colors: active)': {
            // Two classes each: more specific than the components' own (single-class) styles.
            '.MuiButton-root.MuiButton-contained': { border: '1px solid ButtonText' },
            '.MuiAlert-root.MuiPaper-root, .MuiDialog-paper.MuiPaper-root, .MuiMenu-paper.MuiPaper-root': { border: '1px solid CanvasText' },
            '.MuiSvgIcon-root': { forcedColorAdjust: 'auto', color: 'CanvasText', fill: 'currentColor' },
            '.MuiNativeSelect-icon, .MuiSelect-icon': { color: 'ButtonText' },
            '.Mui-disabled .MuiSvgIcon-root, .MuiButton-root.Mui-disabled': { color: 'GrayText', borderColor: 'GrayText' },
          },
          // Staff who ask their system for less motion get none: no fades, slides or colour changes in flight.
          '@media (prefers-reduced-motion: reduce)': {
            '*, *::before, *::after': { transitionDuration: '0s !important', animationDuration: '0s !important', scrollBehavior: 'auto !important' },
          },
          'a': { color: palette.primary.main, textDecorationThickness: '0.1em' },
          'a:hover': { textDecorationThickness: '0.2em' },
          // Resident search results: plain buttons, cheap to redraw on every keystroke.
          '.resident-results': { listStyle: 'none', margin: 0, padding: 0 },
          // Every row is drawn, in sight or not (no content-visibility: auto): rows new to the
          // list then took Chromium two passes of style and layout in the keystroke's frame, one
          // to find them in sight and one to draw them, in six of the ten slowest keystrokes of a
          // trace of bench:search at 20,000 residents. A row's focus ring is drawn inside its edge
          // (the same rings, yellow, black, yellow), so the row above or below cannot cover it.
          '.resident-results button:focus-visible': { outlineOffset: '-5px', boxShadow: 'inset 0 0 0 6px #ffdd00' },
          '.resident-results button': {
            display: 'block',
            width: '100%',
            textAlign: 'left',
            font: 'inherit',
            color: palette.text.primary,
            background: 'transparent',
            border: 0,
            borderBottom: `1px solid ${palette.divider}`,
            padding: '0.5rem 1rem',
            cursor: 'pointer',
          },
          '.resident-results button:hover': { background: options.highContrast ? '#333333' : '#e8ecf2' },
          '.resident-results strong, .resident-results span': { display: 'block' },
          '.resident-results span': { fontSize: '0.875rem' },
        },
      },
      MuiButtonBase: { defaultProps: { disableRipple: true } },
      MuiButton: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      MuiListItemButton: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      MuiIconButton: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      // Radios and checkboxes take the focus on an input drawn invisible: the ring goes on the
      // control you can see, which MUI marks focus-visible.
      MuiRadio: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      MuiCheckbox: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      MuiTab: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      // MUI's unselected toggle buttons are grey text too faint to read (WCAG 1.4.3): full-strength text, selected shown by its fill.
      MuiToggleButton: { styleOverrides: { root: { color: palette.text.primary, '&.Mui-focusVisible': focusRing } } },
      // Text fields and selects show the ring on their frame; the input inside has none.
      MuiOutlinedInput: { styleOverrides: { root: { '&.Mui-focused': focusRing } } },
    },
  });
}
