import { describe, expect, it } from 'vitest';
import { scanXmlShape, type XmlShapeLimits } from './xml-shape';

const limits: XmlShapeLimits = {
  maxDepth: 4,
  maxElements: 20,
  maxUnits: 3,
  maxUnitElements: 4,
  unitNames: ['unit', 'trans-unit'],
};

describe('scanXmlShape', () => {
  const cases = [
    { name: 'an empty text', xml: '', expected: { ok: true, depth: 0, elements: 0, units: [] } },
    {
      name: 'units, one self-closing',
      xml: '<a><unit>x</unit><unit/></a>',
      expected: {
        ok: true,
        depth: 2,
        elements: 3,
        units: [
          { name: 'unit', start: 3, end: 17 },
          { name: 'unit', start: 17, end: 24 },
        ],
      },
    },
    {
      name: 'a prefixed unit with a ">" in an attribute',
      xml: '<a><x:trans-unit id="a>b"><s/></x:trans-unit></a>',
      expected: { ok: true, depth: 2, elements: 3, units: [{ name: 'trans-unit', start: 3, end: 45 }] },
    },
    {
      name: 'comments, CDATA, instructions and a doctype are not elements',
      xml: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "<b>">]><a><!-- <b><b><b> --><![CDATA[<b><b>]]></a>',
      expected: { ok: true, depth: 1, elements: 1, units: [] },
    },
    {
      name: 'nesting past the depth',
      xml: '<a><b><c><d><e></e></d></c></b></a>',
      expected: { ok: false, limit: 'depth', error: expect.stringContaining('more than 4 deep (<e> is deeper)') },
    },
    {
      name: 'more units than allowed',
      xml: `<a>${'<unit/>'.repeat(4)}</a>`,
      expected: { ok: false, limit: 'units', error: expect.stringContaining('more than 3 translation units') },
    },
    {
      name: 'a unit with too many elements',
      xml: '<a><unit><s/><s/><s/><s/></unit></a>',
      expected: { ok: false, limit: 'unit-size', error: expect.stringContaining('more than 4 elements') },
    },
    {
      name: 'more elements than allowed',
      xml: `<a>${'<b/>'.repeat(20)}</a>`,
      expected: { ok: false, limit: 'elements', error: expect.stringContaining('more than 20 elements') },
    },
  ];
  it.each(cases)('$name', ({ xml, expected }) => {
    expect(scanXmlShape(xml, limits)).toEqual(expected);
  });

  it('refuses a million nested elements at once, without a stack', () => {
    const deep = '<g>'.repeat(1_000_000) + '</g>'.repeat(1_000_000);
    const started = performance.now();
    expect(scanXmlShape(deep, { ...limits, maxDepth: 64, maxElements: 2_000_000 })).toMatchObject({ ok: false, limit: 'depth' });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
