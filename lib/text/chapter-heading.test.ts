import { describe, expect, it } from 'vitest';
import { isChapterHeading } from './chapter-heading';

describe('isChapterHeading', () => {
  // Real lines from 红楼梦 and 西游记 (github:tennessine/corpus), and the usual forms of other books.
  const cases: [string, boolean][] = [
    ['第一回  甄士隐梦幻识通灵　贾雨村风尘怀闺秀', true],
    ['第一百二十回  甄士隐详说太虚情　贾雨村归结红楼梦', true],
    ['第一百回 径回东土 五圣成真', true],
    ['第一回', true],
    ['第12章 归来', true],
    ['第五章：归来', true],
    ['第三节', true],
    ['第二卷 风起', true],
    ['卷一', true],
    ['卷之三 杂记', true],
    ['序', true],
    ['自序', true],
    ['楔子', true],
    ['后记', true],
    ['尾声', true],
    ['诗云', false],
    ['诗曰：', false],
    ['其一', false],
    ['后一页', false],
    ['《红楼梦》曹雪芹', false],
    ['第四回中既将薛家母子在荣府内寄居等事略已表明，此回则暂不能写矣．', false],
    ['卷上莲蓬吊搭嘴耳如蒲扇显金睛。', false],
    ['前言少述，且说当下芳官回至怡红院中', false],
    ['序齿', false],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(isChapterHeading(text)).toBe(expected);
  });
});
