/**
 * Chapter headings in the classic forms of Chinese books: 第一回, 第十二章, 第3节, 第二卷, 卷一,
 * 卷之三, 序, 自序, 楔子, 后记, 尾声 and the like, alone on their line or followed by a title
 * after a space or a separator (`第一回  甄士隐梦幻识通灵`, `第五章：归来`). A line that only
 * starts with such words (`第四回中既将…`, `卷上莲蓬吊搭嘴`, `前言少述，且说…`) is not one.
 */
const NUMERAL = '[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟0-9０-９]+';
const UNIT = '[回章节節卷篇部集折幕话話]';
const SEPARATOR = '(?:$|[\\s\\u3000:：.．、·—-])';
const NAMED =
  '(?:序|序言|序章|自序|原序|代序|前言|引言|引子|楔子|题记|題記|后记|後記|跋|尾声|尾聲|终章|終章|附录|附錄|番外|凡例|目录|目錄)';
const CHAPTER = new RegExp(`^(?:第${NUMERAL}${UNIT}|卷(?:之)?${NUMERAL}|${NAMED})${SEPARATOR}`, 'u');

/** Whether a heading's text is a chapter heading in a classic form (see above). */
export function isChapterHeading(text: string): boolean {
  return CHAPTER.test(text.trim());
}
