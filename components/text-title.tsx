import type { TitleView } from '@/lib/library/load';

/** A text's title in Chinese with its English below, each marked with its language. */
export function TextTitle({ title, as: Tag = 'h1' }: { title: TitleView; as?: 'h1' | 'p' }) {
  return (
    <Tag className="text-title">
      <span lang="zh-Hans" className="title-zh">
        {title.zh}
      </span>
      {title.en && (
        <span lang="en" className="title-en">
          {title.en}
        </span>
      )}
    </Tag>
  );
}
