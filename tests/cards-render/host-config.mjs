// A host config close to Teams' light theme, so the renderer lays cards out as Teams would
// (spacing, font sizes, colours, inline show cards, up to 6 buttons in a row).
export const hostConfig = {
  fontFamily: '"Segoe UI", "DejaVu Sans", system-ui, sans-serif',
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1DFDD' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
        good: { default: '#0E7A0B', subtle: '#0E7A0B' },
        warning: { default: '#835B00', subtle: '#835B00' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
        dark: { default: '#242424', subtle: '#616161' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
        good: { default: '#0E7A0B', subtle: '#0E7A0B' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
      },
    },
    good: {
      backgroundColor: '#E7F2DA',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        good: { default: '#0E7A0B', subtle: '#0E7A0B' },
      },
    },
    attention: {
      backgroundColor: '#FCF4F6',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
      },
    },
    warning: {
      backgroundColor: '#FFF4CE',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        warning: { default: '#835B00', subtle: '#835B00' },
      },
    },
    accent: {
      backgroundColor: '#E8EBFA',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#4F52B2', subtle: '#4F52B2' },
      },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { weight: 'bolder', size: 'default', color: 'default', wrap: true, maxWidth: 150 },
    value: { weight: 'default', size: 'default', color: 'default', wrap: true },
    spacing: 8,
  },
  inputs: {
    label: {
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'bolder' },
    },
    errorMessage: { color: 'attention', size: 'small' },
  },
};
