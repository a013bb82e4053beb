import {expect} from '@open-wc/testing';
import type {IllegalContentNotice} from '../src/adapters/adapter.js';
import {parseReceipt, validateReport, REPORT_REASONS} from '../src/model/report.js';

const notice = (changes: Partial<IllegalContentNotice> = {}): IllegalContentNotice => ({
  permalink: 'https://www.example-news.de/artikel/ferrari#comment-c1',
  urls: [],
  name: 'Petra Muster',
  email: 'petra@example.com',
  childAbuse: false,
  goodFaith: true,
  ...changes,
});

describe('checking a report before it is sent', () => {
  it('needs only a reason for every reason but "illegal"', () => {
    for (const reason of REPORT_REASONS.filter((r) => r !== 'illegal')) {
      expect(validateReport({reason, details: '', notice: null}), reason).to.deep.equal({});
    }
    expect(validateReport({reason: null, details: '', notice: null})).to.deep.equal({reason: 'Bitte wählen Sie einen Grund für Ihre Meldung.'});
  });

  it('allows 500 characters of additional information, counted by code point', () => {
    expect(validateReport({reason: 'spam', details: '😀'.repeat(500), notice: null})).to.deep.equal({});
    expect(validateReport({reason: 'spam', details: 'x'.repeat(501), notice: null})).to.deep.equal({details: 'Höchstens 500 Zeichen.'});
  });

  it('turns "illegal" into the Art. 16(2) notice: explanation, name, e-mail and the good-faith confirmation', () => {
    expect(validateReport({reason: 'illegal', details: 'Volksverhetzung, § 130 StGB.', notice: notice()})).to.deep.equal({});
    expect(validateReport({reason: 'illegal', details: '  ', notice: notice({name: ' ', email: '', goodFaith: false})})).to.deep.equal({
      details: 'Bitte erklären Sie, warum der Inhalt rechtswidrig ist.',
      name: 'Bitte geben Sie Ihren Namen an.',
      email: 'Bitte geben Sie Ihre E-Mail-Adresse an.',
      goodFaith: 'Bitte bestätigen Sie, dass Ihre Angaben richtig und vollständig sind.',
    });
    expect(validateReport({reason: 'illegal', details: 'x'.repeat(1001), notice: notice({email: 'petra(at)example'})})).to.deep.equal({
      details: 'Höchstens 1.000 Zeichen.',
      email: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
    });
    // No notice at all is a notice with nothing filled in.
    expect(validateReport({reason: 'illegal', details: 'Warum', notice: null})).to.have.all.keys('urls', 'name', 'email', 'goodFaith');
  });

  it('makes name and e-mail optional for child sexual abuse material, but checks an e-mail given', () => {
    expect(validateReport({reason: 'illegal', details: 'Warum', notice: notice({name: '', email: '', childAbuse: true})})).to.deep.equal({});
    expect(validateReport({reason: 'illegal', details: 'Warum', notice: notice({email: 'kaputt', childAbuse: true})})).to.deep.equal({
      email: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
    });
  });

  it('takes up to five further http(s) links, ignoring empty fields', () => {
    const five = Array.from({length: 5}, (_, i) => `https://example.com/${i}`);
    expect(validateReport({reason: 'illegal', details: 'Warum', notice: notice({urls: [...five, '', '  ']})})).to.deep.equal({});
    expect(validateReport({reason: 'illegal', details: 'Warum', notice: notice({urls: [...five, 'https://example.com/6']})})).to.deep.equal({
      urls: 'Höchstens 5 weitere Links.',
    });
    for (const url of ['javascript:alert(1)', 'ftp://example.com/x', 'www.example.com']) {
      expect(validateReport({reason: 'illegal', details: 'Warum', notice: notice({urls: [url]})}), url).to.deep.equal({
        urls: 'Bitte geben Sie nur Links an, die mit http:// oder https:// beginnen.',
      });
    }
    expect(validateReport({reason: 'illegal', details: 'Warum', notice: notice({permalink: ''})})).to.have.keys('urls');
  });

  it('ignores a notice with another reason', () => {
    expect(validateReport({reason: 'offensive', details: '', notice: notice({name: '', goodFaith: false})})).to.deep.equal({});
  });
});

describe('reading a backend’s receipt', () => {
  it('needs a reference and an ISO 8601 time', () => {
    expect(parseReceipt({id: 'M-1', receivedAt: '2026-11-25T16:00:00Z'})).to.deep.equal({id: 'M-1', receivedAt: '2026-11-25T16:00:00Z'});
    expect(parseReceipt({id: 4711, receivedAt: '2026-11-25T16:00:00.123+01:00', extra: true})).to.deep.equal({
      id: '4711',
      receivedAt: '2026-11-25T16:00:00.123+01:00',
    });
    for (const bad of [null, 'M-1', [], {id: '', receivedAt: '2026-11-25T16:00:00Z'}, {id: 'M-1'}, {id: 'M-1', receivedAt: 'gestern'}, {id: 'M-1', receivedAt: 1764086400000}]) {
      expect(parseReceipt(bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });
});
