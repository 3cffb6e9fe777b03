import { describe, expect, it } from 'vitest';
import { parseGitSyncConfig } from './config';

describe('parseGitSyncConfig', () => {
  const data = { BILINGUAL_DATA_DIR: '/srv/data' };
  const cases: {
    name: string;
    env: Record<string, string>;
    enabled: boolean;
    error?: RegExp;
    pull?: number;
    quiet?: number;
    atMost?: number;
  }[] = [
    { name: 'no remote: off, no error', env: {}, enabled: false },
    { name: 'a blank remote: off', env: { BILINGUAL_GIT_REMOTE: '  ' }, enabled: false },
    { name: 'defaults', env: { ...data, BILINGUAL_GIT_REMOTE: '/srv/lib.git' }, enabled: true, pull: 30, quiet: 60, atMost: 300 },
    {
      name: 'intervals set low for tests',
      env: { ...data, BILINGUAL_GIT_REMOTE: '/r.git', BILINGUAL_GIT_PULL_S: '0.5', BILINGUAL_GIT_COMMIT_QUIET_S: '0.2' },
      enabled: true,
      pull: 0.5,
      quiet: 0.2,
      atMost: 300,
    },
    {
      name: 'a quiet spell longer than the bound raises the bound',
      env: { ...data, BILINGUAL_GIT_REMOTE: '/r.git', BILINGUAL_GIT_COMMIT_QUIET_S: '600' },
      enabled: true,
      quiet: 600,
      atMost: 600,
    },
    {
      name: 'a remote read as an option',
      env: { ...data, BILINGUAL_GIT_REMOTE: '--upload-pack=x' },
      enabled: false,
      error: /not a path or URL/,
    },
    { name: 'no data folder', env: { BILINGUAL_GIT_REMOTE: '/r.git' }, enabled: false, error: /BILINGUAL_DATA_DIR/ },
    {
      name: 'a bad interval',
      env: { ...data, BILINGUAL_GIT_REMOTE: '/r.git', BILINGUAL_GIT_PULL_S: 'soon' },
      enabled: false,
      error: /BILINGUAL_GIT_PULL_S/,
    },
    {
      name: 'a zero interval',
      env: { ...data, BILINGUAL_GIT_REMOTE: '/r.git', BILINGUAL_GIT_COMMIT_QUIET_S: '0' },
      enabled: false,
      error: /QUIET_S/,
    },
    {
      name: 'a bad branch',
      env: { ...data, BILINGUAL_GIT_REMOTE: '/r.git', BILINGUAL_GIT_BRANCH: 'a..b' },
      enabled: false,
      error: /branch/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const settings = parseGitSyncConfig(c.env);
      expect(settings.enabled).toBe(c.enabled);
      if (c.error) expect('error' in settings ? settings.error : '').toMatch(c.error);
      else expect('error' in settings).toBe(false);
      if (settings.enabled) {
        if (c.pull !== undefined) expect(settings.config.pullSeconds).toBe(c.pull);
        if (c.quiet !== undefined) expect(settings.config.quietSeconds).toBe(c.quiet);
        if (c.atMost !== undefined) expect(settings.config.atMostSeconds).toBe(c.atMost);
      }
    });
  }

  it('keeps the secret, and none when blank', () => {
    const base = { ...data, BILINGUAL_GIT_REMOTE: '/r.git' };
    const withSecret = parseGitSyncConfig({ ...base, BILINGUAL_SYNC_SECRET: 's3cret' });
    const blank = parseGitSyncConfig({ ...base, BILINGUAL_SYNC_SECRET: ' ' });
    expect(withSecret.enabled && withSecret.config.secret).toBe('s3cret');
    expect(blank.enabled && blank.config.secret).toBeUndefined();
  });
});
