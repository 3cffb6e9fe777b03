// The accounts scripts/e2e-server.mjs configures for the end-to-end server.
export const EDITOR_TOKEN = 'e2e-editor-token';
export const EDITORS = [
  { name: 'Edith', password: 'edith-password' },
  { name: 'Ed', password: 'ed-password' },
] as const;
export const READER = { name: 'Rita', password: 'rita-password' } as const;
