import { describe, expect, it, vi } from 'vitest';
import { DataFileError } from '@/lib/store/errors';
import { errorJson, withErrors } from './respond';

describe('withErrors', () => {
  it('turns a thrown error into a 500 with a JSON message (before: an empty 500)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = withErrors(async () => {
      throw new Error('EACCES: permission denied, open locales/en/x.notes.json');
    });
    const response = await handler(new Request('http://localhost/api/texts/x?annotations=1'), {});
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body: unknown = await response.json();
    expect(body).toEqual({ error: expect.stringContaining('Internal server error') });
    expect(JSON.stringify(body)).not.toContain('EACCES');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('turns a DataFileError into a 409 naming the file and place', async () => {
    const handler = withErrors(async () => {
      throw new DataFileError('locales/en/x.notes.json', 'malformed JSON: unexpected end', { line: 3, column: 5 });
    });
    const response = await handler(new Request('http://localhost/api/texts/x?annotations=1'), {});
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: 'locales/en/x.notes.json:3:5: malformed JSON: unexpected end. Fix the file; nothing was changed',
    });
  });

  it('passes answers through', async () => {
    const response = await withErrors(async () => errorJson('No such text', 404))(new Request('http://localhost/'), {});
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'No such text' });
  });
});
