import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { AutoDetectPolicy, AutoDetectTracker, DocumentSnapshot } from '../../src/common/autoDetect';

const ON: AutoDetectPolicy = { enabled: true, includePlainTextFiles: false };
const known = (languageId: string) => ['java', 'python', 'plaintext'].includes(languageId);

function untitled(version = 3, languageId = 'plaintext'): DocumentSnapshot {
    return { uri: 'untitled:Untitled-1', scheme: 'untitled', languageId, version };
}

function notice(languageId = 'java', version = 3) {
    return { uri: 'untitled:Untitled-1', version, languageId };
}

describe('AutoDetectTracker.decide', () => {
    it('switches a plain-text untitled document whose version matches', () => {
        const tracker = new AutoDetectTracker();
        tracker.observe(untitled(1));
        assert.deepEqual(tracker.decide(notice(), untitled(3), ON, known), { set: true, languageId: 'java' });
    });

    it('does not switch when auto-detect is off', () => {
        const decision = new AutoDetectTracker().decide(notice(), untitled(), { ...ON, enabled: false }, known);
        assert.equal(decision.set, false);
        assert.match(decision.set ? '' : decision.reason, /turned off/);
    });

    it('does not switch a stale detection (the document changed since)', () => {
        const decision = new AutoDetectTracker().decide(notice('java', 2), untitled(3), ON, known);
        assert.equal(decision.set, false);
        assert.match(decision.set ? '' : decision.reason, /stale detection \(version 2, document at 3\)/);
    });

    it('switches only once per document', () => {
        const tracker = new AutoDetectTracker();
        tracker.observe(untitled(1));
        tracker.willSet('untitled:Untitled-1', 'java');
        tracker.observe(untitled(1, 'java'));
        // Even if the user goes back to Plain Text, LangSniff does not switch again.
        tracker.observe(untitled(1, 'plaintext'));
        assert.equal(tracker.decide(notice('python', 4), untitled(4), ON, known).set, false);
    });

    it('does not switch while a switch is under way', () => {
        const tracker = new AutoDetectTracker();
        tracker.willSet('untitled:Untitled-1', 'java');
        assert.equal(tracker.decide(notice('java', 3), untitled(3), ON, known).set, false);
    });

    it('may switch again after setting the language failed', () => {
        const tracker = new AutoDetectTracker();
        tracker.willSet('untitled:Untitled-1', 'java');
        tracker.setFailed('untitled:Untitled-1');
        assert.equal(tracker.decide(notice(), untitled(), ON, known).set, true);
    });

    it('never overrides a language the user chose, even Plain Text again', () => {
        const tracker = new AutoDetectTracker();
        tracker.observe(untitled(1));
        tracker.observe(untitled(1, 'python'));
        tracker.observe(untitled(1, 'plaintext'));
        const decision = tracker.decide(notice(), untitled(), ON, known);
        assert.match(decision.set ? '' : decision.reason, /user chose/);
    });

    it('never overrides a choice made through a code action or the quick pick', () => {
        const tracker = new AutoDetectTracker();
        tracker.userChose('untitled:Untitled-1');
        assert.equal(tracker.decide(notice(), untitled(), ON, known).set, false);
    });

    it('leaves a document that already has a language alone', () => {
        const tracker = new AutoDetectTracker();
        tracker.observe(untitled(1, 'markdown'));
        assert.equal(tracker.decide(notice(), untitled(3, 'markdown'), ON, known).set, false);
    });

    it('switches saved plain-text files only when the setting asks for it', () => {
        const file: DocumentSnapshot = { uri: 'file:///notes.txt', scheme: 'file', languageId: 'plaintext', version: 3 };
        const fileNotice = { uri: file.uri, version: 3, languageId: 'java' };
        assert.equal(new AutoDetectTracker().decide(fileNotice, file, ON, known).set, false);
        assert.equal(new AutoDetectTracker().decide(fileNotice, file, { ...ON, includePlainTextFiles: true }, known).set, true);
    });

    it('ignores plaintext and languages VS Code does not know', () => {
        const tracker = new AutoDetectTracker();
        assert.equal(tracker.decide(notice('plaintext'), untitled(), ON, known).set, false);
        const decision = tracker.decide(notice('cobol'), untitled(), ON, known);
        assert.match(decision.set ? '' : decision.reason, /no language "cobol"/);
    });

    it('ignores documents that are no longer open', () => {
        assert.equal(new AutoDetectTracker().decide(notice(), undefined, ON, known).set, false);
    });

    it('treats a reused untitled URI as a new document once forgotten', () => {
        const tracker = new AutoDetectTracker();
        tracker.willSet('untitled:Untitled-1', 'java');
        tracker.observe(untitled(1, 'java'));
        tracker.forget('untitled:Untitled-1');
        tracker.observe(untitled(1));
        assert.equal(tracker.decide(notice('python'), untitled(), ON, known).set, true);
    });
});
