// Set by vite.config.ts `define` at build time.
declare const __APP_BUILD__: string;
