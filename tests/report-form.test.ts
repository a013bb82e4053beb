import {expect} from '@open-wc/testing';
import {reportMessages} from '../src/i18n/report.js';
import {validateReport} from '../src/model/report.js';
import {commentUrl, emptyReportForm, firstInvalidField, isEmptyReportForm, messagesByField, reportInput, splitUrls} from '../src/model/report-form.js';

describe('the report form as plain data', () => {
  it('splits further links by line, trimmed, without blank lines', () => {
    expect(splitUrls(' https://a.example/1 \r\n\n  \nhttps://a.example/2\n')).to.deep.equal(['https://a.example/1', 'https://a.example/2']);
    expect(splitUrls('')).to.deep.equal([]);
  });

  it('sends a notice only with "illegal", and keeps the other fields for a switch back', () => {
    const form = {...emptyReportForm(), reason: 'spam' as const, details: ' Werbung ', name: 'Petra', email: 'p@example.com', goodFaith: true};
    expect(reportInput(form, 'https://x.example/#comment-c1')).to.deep.equal({reason: 'spam', details: 'Werbung', notice: null});
    expect(reportInput({...form, reason: 'illegal', urls: 'https://x.example/b'}, 'https://x.example/#comment-c1').notice).to.deep.equal({
      permalink: 'https://x.example/#comment-c1',
      urls: ['https://x.example/b'],
      name: 'Petra',
      email: 'p@example.com',
      childAbuse: false,
      goodFaith: true,
    });
  });

  it('resolves the comment’s URL against the page, and leaves what is no URL for the check to refuse', () => {
    expect(commentUrl('', 'c 1', 'https://news.example/artikel?x=1#top')).to.equal('https://news.example/artikel?x=1#comment-c%201');
    expect(commentUrl('/artikel#comment-c1', 'c1', 'https://news.example/x')).to.equal('https://news.example/artikel#comment-c1');
    expect(commentUrl('http://[kaputt', 'c1', 'https://news.example/x')).to.equal('http://[kaputt');
    const errors = validateReport(reportInput({...emptyReportForm(), reason: 'illegal', details: 'x', name: 'P', email: 'p@example.com', goodFaith: true}, 'http://[kaputt'));
    expect(messagesByField(errors)).to.deep.equal({permalink: reportMessages.permalinkMissing});
    expect(firstInvalidField(errors)).to.equal('permalink');
  });

  it('finds the first field with a message in the order the dialog shows them', () => {
    expect(firstInvalidField({goodFaith: 'x', email: 'y', details: 'z'})).to.equal('details');
    expect(firstInvalidField({})).to.equal(undefined);
  });

  it('counts a form with nothing given as empty (its draft is not kept)', () => {
    expect(isEmptyReportForm(emptyReportForm())).to.equal(true);
    expect(isEmptyReportForm({...emptyReportForm(), details: '   '})).to.equal(true);
    expect(isEmptyReportForm({...emptyReportForm(), goodFaith: true})).to.equal(false);
    expect(isEmptyReportForm({...emptyReportForm(), reason: 'spam'})).to.equal(false);
  });
});
