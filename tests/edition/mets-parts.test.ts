import { expect } from '@open-wc/testing';
import { isImage, isWebImage, looksLikeText, modsLanguage, readFileSec, readStructLink, roleOf } from '../../src/edition/importers/mets.js';

// The METS readers of the METS/ALTO importer, one by one (the importer as a whole is tested in
// importers.test.ts). The METS below is written for these tests, not taken from a real archive.
const METS = `<mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mods="http://www.loc.gov/mods/v3">
  <dmdSec ID="d"><mdWrap><xmlData><mods:mods><mods:language>
    <mods:languageTerm authority="iso639-2b">ger</mods:languageTerm>
    <mods:languageTerm authority="rfc3066">de</mods:languageTerm>
  </mods:language></mods:mods></xmlData></mdWrap></dmdSec>
  <fileSec>
    <fileGrp USE="IMAGE"><file ID="img1" MIMETYPE="image/jpeg"><FLocat xlink:href="img/1.jpg"/></file></fileGrp>
    <fileGrp USE="FULLTEXT"><file ID="alto1"><FLocat xlink:href="alto/1.xml"/></file></fileGrp>
  </fileSec>
  <structLink>
    <smLink xlink:from="#L1" xlink:to="P1"/>
    <smLinkGrp>
      <smLocatorLink xlink:href="#L2" xlink:label="a"/>
      <smLocatorLink xlink:href="#P2" xlink:label="b"/>
      <smArcLink xlink:from="a" xlink:to="b"/>
    </smLinkGrp>
  </structLink>
</mets>`;

describe('METS/ALTO importer parts', () => {
  const root = new DOMParser().parseFromString(METS, 'application/xml').documentElement;

  it('names the part of a unit a div TYPE holds', () => {
    expect(['OVERLINE', 'HEADLINE', 'SUBTITLE', 'BYLINE', 'CAPTION', 'PHOTOGRAPH', 'PARAGRAPH'].map(roleOf)).to.deep.equal([
      'kicker',
      'headline',
      'subhead',
      'byline',
      'caption',
      'photo',
      undefined,
    ]);
  });

  it('reads the fileSec, a file taking its group USE, and tells images from text', () => {
    const files = readFileSec(root);
    expect([...files.values()]).to.deep.equal([
      { id: 'img1', href: 'img/1.jpg', mimetype: 'image/jpeg', use: 'IMAGE' },
      { id: 'alto1', href: 'alto/1.xml', mimetype: undefined, use: 'FULLTEXT' },
    ]);
    const [image, alto] = [files.get('img1')!, files.get('alto1')!];
    expect([isImage(image), isWebImage(image), looksLikeText(image)]).to.deep.equal([true, true, false]);
    expect([isImage(alto), isWebImage(alto), looksLikeText(alto)]).to.deep.equal([false, false, true]);
    expect(isWebImage({ id: 't', href: 'x.tif', mimetype: 'image/tiff' })).to.equal(false);
  });

  it('reads smLink and smLinkGrp arcs of the structLink, and the MODS language of an RFC authority', () => {
    expect([...readStructLink(root)]).to.deep.equal([
      ['L1', ['P1']],
      ['L2', ['P2']],
    ]);
    expect(modsLanguage(root)).to.equal('de');
  });
});
