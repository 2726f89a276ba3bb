/** Typed wrappers for the server's custom requests. */
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods } from './constants';
import { Detection, parseDetection } from './detection';

export class ServerUnavailableError extends Error {
    constructor() {
        super('The LangSniff server is not running. Run "LangSniff: Restart Server" or see the LangSniff output.');
    }
}

/** `langsniff/classify` for an open document; undefined when the answer is not a detection. */
export async function classifyDocument(client: LanguageClient | undefined, uri: string): Promise<Detection | undefined> {
    if (!client) {
        throw new ServerUnavailableError();
    }
    return parseDetection(await client.sendRequest(Methods.classify, { uri }));
}

export interface AttentionResult {
    tokens: string[];
    html: string;
}

/**
 * `langsniff/attention` for an open document: its tokens and the server's HTML page, whose
 * inline script and style carry `nonce`.
 */
export async function attentionOf(client: LanguageClient | undefined, uri: string, nonce: string): Promise<AttentionResult> {
    if (!client) {
        throw new ServerUnavailableError();
    }
    const answer = (await client.sendRequest(Methods.attention, { uri, nonce })) as Partial<AttentionResult> | null;
    if (!answer || typeof answer.html !== 'string') {
        throw new Error('The server sent no attention view for this document.');
    }
    return { tokens: Array.isArray(answer.tokens) ? answer.tokens : [], html: answer.html };
}
