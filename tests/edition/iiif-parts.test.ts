import { expect } from '@open-wc/testing';
import { resolveLanguageMap } from '../../src/edition/importers/iiif.js';
import { parseXywh, targetOf } from '../../src/edition/importers/iiif-targets.js';
import { paragraphsOf, paragraphsFromLines, centerIn } from '../../src/edition/importers/iiif-text.js';
import { imageServiceOf } from '../../src/edition/importers/iiif-scan.js';
import { idOf, isPresentation2 } from '../../src/edition/importers/iiif-json.js';

// The pure parts of the IIIF importer, one by one (the importer as a whole is tested in
// importers.test.ts). The JSON below is written for these tests, not taken from a real manifest.
describe('IIIF importer parts', () => {
  it('reads xywh fragments in pixels and percent, and names what is malformed', () => {
    expect(parseXywh('xywh=1,2,3,4')).to.deep.equal({ rect: { x: 1, y: 2, w: 3, h: 4 }, unit: 'pixel' });
    expect(parseXywh('#t=1&xywh=percent:10,20,30,40')).to.deep.equal({ rect: { x: 10, y: 20, w: 30, h: 40 }, unit: 'percent' });
    expect(parseXywh('t=5')).to.equal(undefined);
    expect(parseXywh('xywh=em:1,2,3,4')).to.match(/unknown xywh unit "em"/);
    expect(parseXywh('xywh=1,2,3')).to.match(/malformed xywh/);
    expect(parseXywh('xywh=1,2,0,4')).to.match(/empty xywh/);
  });

  it('finds the canvas and fragment of a target, plain or a SpecificResource', () => {
    expect(targetOf({ id: 'https://x.test/c1#xywh=1,2,3,4' })).to.deep.equal({ canvas: 'https://x.test/c1', fragment: 'xywh=1,2,3,4' });
    expect(
      targetOf({ type: 'SpecificResource', source: 'https://x.test/c1', selector: { type: 'FragmentSelector', value: 'xywh=5,6,7,8' } }),
    ).to.deep.equal({ canvas: 'https://x.test/c1', fragment: 'xywh=5,6,7,8' });
    const svg = targetOf({ type: 'SpecificResource', source: 'https://x.test/c1', selector: { type: 'SvgSelector' } });
    expect(svg?.selectorProblem).to.match(/SvgSelector is not supported/);
    expect(targetOf({ type: 'Canvas' })).to.equal(undefined);
  });

  it('picks the preferred language of a language map, then its primary language, then none', () => {
    const map = { en: ['Hello'], 'zh-Hans': ['你好'], none: ['—'] };
    expect(resolveLanguageMap(map, ['zh-Hans'])).to.deep.equal(['你好']);
    expect(resolveLanguageMap(map, ['zh-CN'])).to.deep.equal(['你好']);
    expect(resolveLanguageMap(map, ['fr'])).to.deep.equal(['—']);
    expect(resolveLanguageMap('plain', [])).to.deep.equal(['plain']);
  });

  it('reads summary HTML as paragraphs, without tags or scripts, entities decoded', () => {
    expect(paragraphsOf(['<p>One &amp; two</p><script>x()</script><p>Three&#x4e00;</p>'])).to.deep.equal(['One & two', 'Three一']);
    expect(paragraphsOf(['  plain text  '])).to.deep.equal(['plain text']);
  });

  it('starts a paragraph at a gap or at the top of the next column', () => {
    const line = (text: string, y: number) => ({ text, canvas: 'c', rect: { x: 0, y, w: 100, h: 10 } });
    const lines = [line('a', 0), line('b', 11), line('c', 40), line('d', 0)];
    expect(paragraphsFromLines(lines, 'en')).to.deep.equal(['a b', 'c', 'd']);
    expect(centerIn({ x: 0, y: 0, w: 10, h: 10 }, [{ rect: { x: 0, y: 0, w: 6, h: 6 } }])).to.equal(true);
    expect(centerIn({ x: 0, y: 0, w: 10, h: 10 }, [{ rect: { x: 6, y: 6, w: 6, h: 6 } }])).to.equal(false);
  });

  it('finds an image service by type or profile, and tells version 2 JSON', () => {
    expect(imageServiceOf({ service: [{ id: 'https://x.test/iiif/img/info.json', type: 'ImageService3' }] })).to.equal(
      'https://x.test/iiif/img',
    );
    expect(imageServiceOf({ service: { '@id': 'https://x.test/img2/', profile: 'http://iiif.io/api/image/2/level1.json' } })).to.equal(
      'https://x.test/img2',
    );
    expect(imageServiceOf({ id: 'https://x.test/a.jpg', type: 'Image' })).to.equal(undefined);
    expect(idOf({ '@id': ' u ' })).to.equal('u');
    expect(isPresentation2({ '@type': 'sc:Manifest' })).to.equal(true);
    expect(isPresentation2({ type: 'Manifest', items: [] })).to.equal(false);
  });
});
