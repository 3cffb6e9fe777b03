'use client';

import { useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { learnerData, learnerDataCounts, learnerDataFileName, learnerDataJson } from '@/lib/learn/learner-data';
import { useSession } from '../session-provider';
import { PROGRESS_KEY, useReadingProgress } from './use-reading-progress';
import { storeRemovals, WORD_LIST_KEY, useWordList } from './use-word-list';
import { callApi, jsonRequest } from '../api-call';

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * What this browser keeps about the reader (saved words and where they stopped in each text): a
 * plain statement of where it lives, its export as one JSON file (lib/learn/learner-data.ts) and
 * its deletion after a confirmation. Signed out, nothing of it is sent anywhere.
 */
export function LearnerDataPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = !!session?.viewer && session.mode === 'accounts';
  const [words, updateWords] = useWordList();
  const [progress, updateProgress] = useReadingProgress();
  const [message, setMessage] = useState('');
  const counts = learnerDataCounts({ words, progress });
  const empty = counts.words === 0 && counts.texts === 0;

  const exportData = () => {
    const now = new Date();
    const data = learnerData({ words: readStored(WORD_LIST_KEY), progress: readStored(PROGRESS_KEY) }, now);
    const url = URL.createObjectURL(new Blob([learnerDataJson(data)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: learnerDataFileName(now) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const deleteData = () => {
    if (!window.confirm(t('learnerData.deleteConfirm', counts))) return;
    const deleted = updateWords(() => []) && storeRemovals([]);
    updateProgress(() => ({}));
    setMessage(deleted ? t('learnerData.deleted') : t('learnerData.notDeleted'));
  };

  return (
    <section className="learner-data" aria-labelledby="learner-data-title">
      <h2 id="learner-data-title">{t('learnerData.title')}</h2>
      <p>{signedIn ? t('learnerData.signedIn') : t('learnerData.signedOut')}</p>
      <p>{t('learnerData.holds', counts)}</p>
      <div className="words-tools">
        <button type="button" onClick={exportData} disabled={empty}>
          {t('learnerData.export')}
        </button>
        <button type="button" onClick={deleteData} disabled={empty}>
          {t('learnerData.delete')}
        </button>
      </div>
      {signedIn && <AccountWords onDeleted={setMessage} />}
      <p role="status">{message}</p>
    </section>
  );
}

/**
 * Signed in: deletes the account's copy of the saved words (`DELETE /api/me/words`), and this
 * browser's with it, since the next sync would send it back. Other devices lose the words they
 * saved before the deletion when they next sync.
 */
function AccountWords({ onDeleted }: { onDeleted: (message: string) => void }) {
  const { t } = useTranslation();
  const [, updateWords] = useWordList();
  const [busy, setBusy] = useState(false);
  const deleteAccountWords = async () => {
    if (!window.confirm(t('learnerData.deleteAccountConfirm'))) return;
    setBusy(true);
    const answer = await callApi('/api/me/words', jsonRequest('DELETE', {}), (body) => body);
    setBusy(false);
    if (!answer.ok) {
      onDeleted(t('learnerData.accountNotDeleted', { reason: answer.error }));
      return;
    }
    storeRemovals([]);
    updateWords(() => []);
    onDeleted(t('learnerData.accountDeleted'));
  };
  return (
    <>
      <p>{t('learnerData.account')}</p>
      <div className="words-tools">
        <button type="button" onClick={() => void deleteAccountWords()} disabled={busy}>
          {t('learnerData.deleteAccount')}
        </button>
      </div>
    </>
  );
}
