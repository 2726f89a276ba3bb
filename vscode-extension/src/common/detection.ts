/**
 * The server's answers as the extension uses them: checked payloads of
 * `langsniff/languageDetected` and `langsniff/classify`, ranked candidates, and how a
 * detection reads in the UI. Pure, so it is unit-tested.
 */

export interface Candidate {
    languageId: string;
    probability: number;
}

/** A detection: from the `languageDetected` notice (with uri and version) or a classify answer. */
export interface Detection {
    uri?: string;
    version?: number;
    languageId: string;
    confidence: number;
    /** All labels, most likely first. */
    candidates: Candidate[];
    tokens?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Candidates from `probabilities`, most likely first. Accepts the server's
 * `{languageId: probability}` object and a list of `{languageId, probability}` or
 * `[languageId, probability]` pairs; ignores entries that are neither.
 */
export function rankCandidates(probabilities: unknown): Candidate[] {
    const candidates: Candidate[] = [];
    const add = (languageId: unknown, probability: unknown): void => {
        if (typeof languageId === 'string' && isNumber(probability)) {
            candidates.push({ languageId, probability });
        }
    };
    if (Array.isArray(probabilities)) {
        for (const entry of probabilities) {
            if (Array.isArray(entry)) {
                add(entry[0], entry[1]);
            } else if (isRecord(entry)) {
                add(entry.languageId ?? entry.label, entry.probability);
            }
        }
    } else if (isRecord(probabilities)) {
        for (const [languageId, probability] of Object.entries(probabilities)) {
            add(languageId, probability);
        }
    }
    return candidates.sort((a, b) => b.probability - a.probability);
}

/** A detection from a server payload, or undefined when the payload lacks a language or confidence. */
export function parseDetection(payload: unknown): Detection | undefined {
    if (!isRecord(payload) || typeof payload.languageId !== 'string' || !isNumber(payload.confidence)) {
        return undefined;
    }
    const detection: Detection = {
        languageId: payload.languageId,
        confidence: payload.confidence,
        candidates: rankCandidates(payload.probabilities),
    };
    if (typeof payload.uri === 'string') {
        detection.uri = payload.uri;
    }
    if (isNumber(payload.version)) {
        detection.version = payload.version;
    }
    if (isNumber(payload.tokens)) {
        detection.tokens = payload.tokens;
    }
    return detection;
}

/** A probability as a whole percentage: "97%", "<1%" for tiny ones. */
export function formatPercent(probability: number): string {
    const percent = Math.round(probability * 100);
    return percent === 0 && probability > 0 ? '<1%' : `${percent}%`;
}

/** The status bar text for a detection, e.g. "Java 97%". */
export function describeDetection(name: string, confidence: number): string {
    return `${name} ${formatPercent(confidence)}`;
}

/** The top `count` candidates worth offering (probability at least `minimum`), at least one. */
export function topCandidates(candidates: Candidate[], count = 5, minimum = 0.01): Candidate[] {
    const likely = candidates.filter((candidate) => candidate.probability >= minimum).slice(0, count);
    return likely.length > 0 ? likely : candidates.slice(0, 1);
}
