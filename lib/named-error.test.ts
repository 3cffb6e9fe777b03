import { describe, expect, it } from 'vitest';
import { isNamedError } from './named-error';
import { DictionaryError } from './annotate/dictionary-build';
import { XmlSyntaxError } from './exchange/xml';
import { ExportOptionError } from './export/options';
import { DamagedTextError } from './downloads/export-file';
import { DuplicateSlugError, SyncFailures } from './library/sync';
import { ExportBusyError } from './downloads/export-cache';
import { InvalidSlugError } from './store/paths';
import { SiteUrlError } from './site-url';
import { DataFileError, StoreWriteError } from './store/errors';
import { EncodingError } from './text/decode';

/** An error as another bundle's copy of the class makes it: same name, another constructor. */
function fromAnotherBundle(name: string): Error {
  const error = new Error('made elsewhere');
  error.name = name;
  return error;
}

describe('error classes recognise their errors made by another copy of the class', () => {
  it.each([
    ['DataFileError', DataFileError, new DataFileError('content/a.txt', 'bad')],
    ['StoreWriteError', StoreWriteError, new StoreWriteError('locales/en/a.json', 'busy', 'busy')],
    ['EncodingError', EncodingError, new EncodingError('content/a.txt', 'bad bytes')],
    ['DictionaryError', DictionaryError, new DictionaryError('x')],
    ['DamagedTextError', DamagedTextError, new DamagedTextError('x')],
    ['DuplicateSlugError', DuplicateSlugError, new DuplicateSlugError([])],
    ['ExportOptionError', ExportOptionError, new ExportOptionError('x')],
    ['XmlSyntaxError', XmlSyntaxError, new XmlSyntaxError('x')],
    ['SiteUrlError', SiteUrlError, new SiteUrlError('x')],
    ['ExportBusyError', ExportBusyError, new ExportBusyError('x', 5)],
    ['SyncFailures', SyncFailures, new SyncFailures([], [])],
    ['InvalidSlugError', InvalidSlugError, new InvalidSlugError('../x')],
  ] as const)('%s', (name, Class, own) => {
    expect(own).toBeInstanceOf(Class);
    expect(own.name).toBe(name);
    expect(fromAnotherBundle(name)).toBeInstanceOf(Class);
    expect(new Error('other')).not.toBeInstanceOf(Class);
    expect(fromAnotherBundle('TypeError')).not.toBeInstanceOf(Class);
    expect({ name, message: 'not an Error' }).not.toBeInstanceOf(Class);
    // Two classes made by the same base do not recognise each other's errors.
    expect(fromAnotherBundle(name === 'DataFileError' ? 'StoreWriteError' : 'DataFileError')).not.toBeInstanceOf(Class);
  });

  it('isNamedError wants an Error of that name', () => {
    expect(isNamedError(fromAnotherBundle('DataFileError'), 'DataFileError')).toBe(true);
    expect(isNamedError(new Error('x'), 'DataFileError')).toBe(false);
    expect(isNamedError('DataFileError', 'DataFileError')).toBe(false);
  });
});
