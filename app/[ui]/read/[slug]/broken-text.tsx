import type { TFunction } from 'i18next';

/** A text whose files cannot be read: its name and why, instead of its pages (nothing is lost: the files are left as they are). */
export function BrokenText({ slug, error, t }: { slug: string; error: string; t: TFunction }) {
  return (
    <div className="page">
      <h1>{slug}</h1>
      <p role="alert" className="notice notice-error">
        {t('library.broken', { error })}
      </p>
    </div>
  );
}
