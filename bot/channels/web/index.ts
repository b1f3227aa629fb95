export { registerWebWidget, type WebWidgetOptions } from './routes';
export { themeFor, contrast } from './theme';
