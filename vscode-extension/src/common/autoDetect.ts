/**
 * When LangSniff may switch a document's language on its own: once per document, only while
 * it is still Plain Text, never over a language the user chose, and only for the version the
 * server looked at. Pure decision logic; `autoDetectController.ts` applies it to VS Code.
 */
import { PLAINTEXT, UNTITLED_SCHEME } from './constants';

/** What the decision needs to know about an open document. */
export interface DocumentSnapshot {
    uri: string;
    scheme: string;
    languageId: string;
    version: number;
}

/** What the server announced (`langsniff/languageDetected`). */
export interface DetectionNotice {
    uri: string;
    version: number;
    languageId: string;
}

export interface AutoDetectPolicy {
    enabled: boolean;
    includePlainTextFiles: boolean;
}

export type Decision = { set: true; languageId: string } | { set: false; reason: string };

interface DocumentState {
    languageId: string;
    /** The language we asked VS Code to set and have not yet seen applied. */
    pending?: string;
    autoSet: boolean;
    userChose: boolean;
}

/** Remembers, per document, what LangSniff did and what the user did. */
export class AutoDetectTracker {
    private readonly states = new Map<string, DocumentState>();

    /**
     * Call for every document VS Code opens, including the reopen that follows a language
     * change. A language change we did not ask for is the user's choice.
     */
    observe(document: DocumentSnapshot): void {
        const state = this.states.get(document.uri);
        if (!state) {
            this.states.set(document.uri, { languageId: document.languageId, autoSet: false, userChose: false });
            return;
        }
        if (document.languageId === state.languageId) {
            return;
        }
        if (state.pending !== undefined && document.languageId === state.pending) {
            state.autoSet = true;
        } else {
            state.userChose = true;
        }
        state.pending = undefined;
        state.languageId = document.languageId;
    }

    /** Call right before asking VS Code to set the language we decided on. */
    willSet(uri: string, languageId: string): void {
        this.stateOf(uri).pending = languageId;
    }

    /** Call when setting the language failed. */
    setFailed(uri: string): void {
        this.stateOf(uri).pending = undefined;
    }

    /** The user picked a language through LangSniff (code action or quick pick). */
    userChose(uri: string): void {
        this.stateOf(uri).userChose = true;
    }

    /** The document is gone; a new one may come back under the same URI (Untitled-1). */
    forget(uri: string): void {
        this.states.delete(uri);
    }

    decide(
        notice: DetectionNotice,
        document: DocumentSnapshot | undefined,
        policy: AutoDetectPolicy,
        isKnownLanguage: (languageId: string) => boolean,
    ): Decision {
        if (!policy.enabled) {
            return { set: false, reason: 'auto-detect is turned off (langsniff.autoDetect)' };
        }
        if (!document) {
            return { set: false, reason: 'the document is no longer open' };
        }
        const inScope =
            document.scheme === UNTITLED_SCHEME || (policy.includePlainTextFiles && document.languageId === PLAINTEXT);
        if (!inScope) {
            return { set: false, reason: 'only untitled documents are switched automatically' };
        }
        if (notice.version !== document.version) {
            return { set: false, reason: `stale detection (version ${notice.version}, document at ${document.version})` };
        }
        const state = this.states.get(document.uri);
        if (state?.autoSet || state?.pending !== undefined) {
            return { set: false, reason: 'the language was already set once for this document' };
        }
        if (state?.userChose) {
            return { set: false, reason: 'the user chose the language of this document' };
        }
        if (document.languageId !== PLAINTEXT) {
            return { set: false, reason: `the document already has the language ${document.languageId}` };
        }
        if (!notice.languageId || notice.languageId === PLAINTEXT) {
            return { set: false, reason: 'the text is not code' };
        }
        if (!isKnownLanguage(notice.languageId)) {
            return { set: false, reason: `VS Code has no language "${notice.languageId}"` };
        }
        return { set: true, languageId: notice.languageId };
    }

    private stateOf(uri: string): DocumentState {
        let state = this.states.get(uri);
        if (!state) {
            state = { languageId: PLAINTEXT, autoSet: false, userChose: false };
            this.states.set(uri, state);
        }
        return state;
    }
}
