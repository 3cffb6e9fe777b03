'use client';

import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { addExistsResponse, addTextResponse, apiPaths, errorResponse, type AddTextResponse } from '@/lib/api/contract';
import { useSession } from '../session-provider';

/** The same limit as the server's (lib/text/prepare MAX_TEXT_BYTES); the server enforces it. */
const MAX_BYTES = 5 * 1024 * 1024;

type Report = AddTextResponse;

/**
 * "Add a text" on the library page, for editors only: a file (or pasted text), slug, title,
 * author and date; Preview shows the encoding found and the blocks with their types; Add
 * creates the text. Everything is checked again on the server.
 */
export function AddText() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [fields, setFields] = useState({ slug: '', title: '', author: '', date: '', encoding: '', paragraphs: '' });
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState('');
  // The reading link of a text this very file already became (an earlier add of it finished).
  const [already, setAlready] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [replace, setReplace] = useState(false);

  // Who is reading comes from the page's one session provider.
  const session = useSession();
  const canEdit = session?.viewer?.role === 'admin' || session?.mode === 'open';
  if (!canEdit) return null;

  const send = async (preview: boolean) => {
    setError('');
    setAlready(null);
    const body: Blob = file ?? new Blob([pasted], { type: 'text/plain;charset=utf-8' });
    if (body.size === 0) return setError(t('add.empty'));
    if (body.size > MAX_BYTES) return setError(t('add.tooLarge'));
    const query = new URLSearchParams({ fileName: file?.name ?? `${fields.slug || 'pasted'}.txt` });
    for (const [key, value] of Object.entries(fields)) if (value.trim()) query.set(key, value.trim());
    if (preview) query.set('preview', '1');
    if (replace) query.set('replace', '1');
    setBusy(true);
    try {
      const response = await fetch(`${apiPaths.texts}?${query}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/octet-stream' },
      });
      const answer: unknown = await response.json();
      const ok = addTextResponse.safeParse(answer);
      if (response.ok && ok.success) setReport(ok.data);
      else {
        setReport(null);
        const refused = errorResponse.safeParse(answer);
        setError(refused.success ? refused.data.error : response.statusText);
        const exists = addExistsResponse.safeParse(answer);
        setAlready(exists.success && exists.data.sameSource ? exists.data.url : null);
      }
    } catch {
      setError(t('add.offline'));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };
  const field = (name: keyof typeof fields, label: string, extra: Record<string, string> = {}) => (
    <label>
      {label}
      <input name={name} value={fields[name]} onChange={(e) => setFields({ ...fields, [name]: e.target.value })} {...extra} />
    </label>
  );

  return (
    <details className="add-text">
      <summary>{t('add.open')}</summary>
      <form onSubmit={submit} aria-label={t('add.open')}>
        <p className="add-text-hint">{t('add.hint')}</p>
        <label>
          {t('add.file')}
          <input
            type="file"
            name="file"
            accept=".txt,.md,.markdown,text/plain,text/markdown"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
            }}
          />
        </label>
        <label>
          {t('add.paste')}
          <textarea
            name="pasted"
            rows={6}
            value={pasted}
            disabled={file !== null}
            onChange={(e) => {
              setPasted(e.target.value);
              setReport(null);
            }}
          />
        </label>
        <div className="add-text-fields">
          {field('slug', t('add.slug'), { pattern: '[a-z0-9][a-z0-9_\\-]{0,79}', placeholder: 'my-text' })}
          {field('title', t('add.title'))}
          {field('author', t('add.author'))}
          {field('date', t('add.date'), { placeholder: '2024-09-08' })}
          <label>
            {t('add.encoding')}
            <select name="encoding" value={fields.encoding} onChange={(e) => setFields({ ...fields, encoding: e.target.value })}>
              <option value="">{t('add.detect')}</option>
              <option value="utf-8">UTF-8</option>
              <option value="gb18030">GB18030 / GBK</option>
              <option value="big5">Big5</option>
              <option value="utf-16le">UTF-16 LE</option>
              <option value="utf-16be">UTF-16 BE</option>
            </select>
          </label>
          <label>
            {t('add.paragraphs')}
            <select
              name="paragraphs"
              value={fields.paragraphs}
              onChange={(e) => {
                setFields({ ...fields, paragraphs: e.target.value });
                setReport(null);
              }}
            >
              <option value="">{t('add.layout.auto')}</option>
              <option value="blank">{t('add.layout.blank')}</option>
              <option value="line">{t('add.layout.line')}</option>
              <option value="wrapped">{t('add.layout.wrapped')}</option>
            </select>
          </label>
        </div>
        <label className="add-text-replace">
          <input
            type="checkbox"
            checked={replace}
            onChange={(e) => {
              setReplace(e.target.checked);
              setReport(null);
            }}
          />
          {t('add.replace')}
        </label>
        <div className="add-text-actions">
          <button type="button" disabled={busy} onClick={() => void send(true)}>
            {t('add.preview')}
          </button>
          <button
            type="submit"
            disabled={busy || !report || report.action !== 'checked'}
            aria-describedby={!report || report.action !== 'checked' ? 'add-text-preview-first' : undefined}
          >
            {t('add.create')}
          </button>
          {(!report || report.action !== 'checked') && (
            <span id="add-text-preview-first" className="add-text-hint">
              {t('add.previewFirst')}
            </span>
          )}
        </div>
        {error && (
          <p role="alert" className="notice notice-error">
            {error} {already && <a href={already}>{t('add.read')}</a>}
          </p>
        )}
        {report && (
          <section className="add-text-report" aria-live="polite" data-action={report.action}>
            {report.action === 'checked' ? (
              <p>{t('add.found', { encoding: report.encoding, confidence: report.confidence ?? 100, slug: report.slug })}</p>
            ) : (
              <p role="status">
                {t('add.done', { slug: report.slug })} <a href={`/read/${report.slug}`}>{t('add.read')}</a>
              </p>
            )}
            {report.encodingWarning && (
              <p role="alert" className="notice notice-error">
                {report.encodingWarning}
              </p>
            )}
            <p className="add-text-layout">
              {t('add.layoutFound', {
                layout: t(`add.layout.${report.summary.layout.found}`),
                reason: report.summary.layout.reason,
              })}
              {report.summary.layout.used !== report.summary.layout.found &&
                ` ${t('add.layoutUsed', { layout: t(`add.layout.${report.summary.layout.used}`) })}`}
            </p>
            <p>
              {Object.entries(report.summary.blocks)
                .filter(([, n]) => n > 0)
                .map(([type, n]) => `${n} ${type}`)
                .join(' · ')}{' '}
              · {t('add.characters', { count: report.summary.characters })}
            </p>
            {report.summary.oddities.length > 0 && (
              <ul className="add-text-oddities">
                {report.summary.oddities.map((o) => (
                  <li key={`${o.line}:${o.message}`}>
                    {t('add.line', { line: o.line })}: {o.message}
                  </li>
                ))}
              </ul>
            )}
            <ol className="add-text-blocks">
              {report.preview.slice(0, 200).map((b) => (
                <li key={b.line}>
                  <span className="block-type">{b.type}</span> <span lang="zh">{b.start}</span>
                </li>
              ))}
            </ol>
          </section>
        )}
      </form>
    </details>
  );
}
