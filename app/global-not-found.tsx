import type { Metadata } from 'next';
import Link from 'next/link';
import { applyReadingOptionsScript } from '@/components/reading-options';
import './styles/base.css';
import './styles/frame.css';
import './styles/library.css';
import './styles/text-header.css';
import './styles/reader-grid.css';
import './styles/rows.css';
import './styles/layouts.css';
import './styles/annotations.css';
import './styles/popover.css';
import './styles/footer.css';
import './styles/editing.css';
import './styles/reading-options.css';

export const metadata: Metadata = { title: 'Page not found · 找不到页面', robots: { index: false } };

/**
 * The 404 page for addresses that match no route (unknown texts and paragraphs included). It is
 * rendered outside the [ui] layout, so it does not know the reader's interface language and
 * speaks both.
 */
export default function GlobalNotFound() {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: applyReadingOptionsScript }} />
      </head>
      <body>
        <header className="site-header">
          <Link href="/" className="site-name">
            Bilingual Reader
          </Link>
        </header>
        <main id="main" className="page page-message">
          <h1>
            Page not found <span lang="zh-Hans">· 找不到页面</span>
          </h1>
          <p>There is no text or paragraph at this address. It may have been mistyped.</p>
          <p lang="zh-Hans">这个地址没有对应的文章或段落，可能是输入有误。</p>
          <p>
            <Link href="/">Back to the library</Link> ·{' '}
            <Link href="/" lang="zh-Hans">
              返回文库
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
