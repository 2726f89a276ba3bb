import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { describeDetection, formatPercent, parseDetection, rankCandidates, topCandidates } from '../../src/common/detection';
import { LanguageNames } from '../../src/common/languageNames';

describe('parseDetection', () => {
    it('reads the languageDetected notice and ranks its probabilities', () => {
        const detection = parseDetection({
            uri: 'untitled:Untitled-1',
            version: 4,
            languageId: 'java',
            confidence: 0.97,
            probabilities: { python: 0.01, java: 0.97, c: 0.02 },
        });
        assert.deepEqual(detection, {
            uri: 'untitled:Untitled-1',
            version: 4,
            languageId: 'java',
            confidence: 0.97,
            candidates: [
                { languageId: 'java', probability: 0.97 },
                { languageId: 'c', probability: 0.02 },
                { languageId: 'python', probability: 0.01 },
            ],
        });
    });

    it('reads a classify answer with its token count', () => {
        const detection = parseDetection({ languageId: 'plaintext', confidence: 0.9, probabilities: {}, tokens: 12 });
        assert.equal(detection?.tokens, 12);
        assert.equal(detection?.uri, undefined);
    });

    it('rejects payloads without a language or confidence', () => {
        assert.equal(parseDetection(null), undefined);
        assert.equal(parseDetection({ languageId: 'java' }), undefined);
        assert.equal(parseDetection({ confidence: 0.5 }), undefined);
        assert.equal(parseDetection({ languageId: 'java', confidence: 'high' }), undefined);
    });
});

describe('rankCandidates', () => {
    it('accepts lists of pairs or objects and skips junk', () => {
        assert.deepEqual(rankCandidates([['c', 0.2], { languageId: 'cpp', probability: 0.7 }, ['x'], 5]), [
            { languageId: 'cpp', probability: 0.7 },
            { languageId: 'c', probability: 0.2 },
        ]);
        assert.deepEqual(rankCandidates(undefined), []);
    });
});

describe('formatting', () => {
    it('rounds to whole percentages and marks tiny ones', () => {
        assert.equal(formatPercent(0.974), '97%');
        assert.equal(formatPercent(1), '100%');
        assert.equal(formatPercent(0.001), '<1%');
        assert.equal(formatPercent(0), '0%');
        assert.equal(describeDetection('Java', 0.981), 'Java 98%');
    });

    it('offers the likely candidates, and always at least one', () => {
        const candidates = rankCandidates({ a: 0.9, b: 0.05, c: 0.005 });
        assert.deepEqual(topCandidates(candidates).map((c) => c.languageId), ['a', 'b']);
        assert.deepEqual(topCandidates(candidates, 1).map((c) => c.languageId), ['a']);
        assert.deepEqual(topCandidates(rankCandidates({ a: 0.001 })).map((c) => c.languageId), ['a']);
    });
});

describe('LanguageNames', () => {
    it('names languages by the first alias an extension contributes, else by id', () => {
        const names = new LanguageNames([
            { contributes: { languages: [{ id: 'java', aliases: ['Java', 'java'] }, { id: 'weird' }] } },
            { contributes: { languages: [{ id: 'java', aliases: ['Other'] }] } },
            {},
        ]);
        assert.equal(names.nameOf('java'), 'Java');
        assert.equal(names.nameOf('weird'), 'weird');
        assert.equal(names.nameOf('python'), 'python');
        assert.equal(names.nameOf('plaintext'), 'Plain Text');
    });
});
