/**
 * Applies auto-detection to VS Code: on `langsniff/languageDetected` it asks the tracker
 * whether to switch, and switches with `setTextDocumentLanguage`. Also sets a language the
 * user picked from a code action or the quick pick.
 */
import * as vscode from 'vscode';
import { AutoDetectTracker, DocumentSnapshot } from './autoDetect';
import { errorMessage, logError, logInfo } from './logging';
import { ExtensionSettings } from './settings';

/** How long a closed document's memory is kept: a language change closes and reopens it at once. */
const FORGET_AFTER_CLOSE_MS = 2000;

export function snapshot(document: vscode.TextDocument): DocumentSnapshot {
    return {
        uri: document.uri.toString(),
        scheme: document.uri.scheme,
        languageId: document.languageId,
        version: document.version,
    };
}

export function findOpenDocument(uri: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri);
}

export class AutoDetectController implements vscode.Disposable {
    private readonly tracker = new AutoDetectTracker();
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly readSettings: () => ExtensionSettings) {
        vscode.workspace.textDocuments.forEach((document) => this.tracker.observe(snapshot(document)));
        this.disposables.push(
            vscode.workspace.onDidOpenTextDocument((document) => this.tracker.observe(snapshot(document))),
            vscode.workspace.onDidCloseTextDocument((document) => this.forgetLater(document.uri.toString())),
        );
    }

    /** The server detected a language: switch if the tracker allows it. */
    async onDetected(notice: { uri: string; version: number; languageId: string }): Promise<void> {
        const settings = this.readSettings();
        const document = findOpenDocument(notice.uri);
        const known = await vscode.languages.getLanguages();
        const decision = this.tracker.decide(
            notice,
            document && snapshot(document),
            { enabled: settings.autoDetect, includePlainTextFiles: settings.autoDetectPlainTextFiles },
            (languageId) => known.includes(languageId),
        );
        if (!decision.set || !document) {
            logInfo(`Detected ${notice.languageId} in ${notice.uri} (version ${notice.version}); not switching: ${decision.set ? 'no document' : decision.reason}.`);
            return;
        }
        this.tracker.willSet(notice.uri, decision.languageId);
        try {
            await vscode.languages.setTextDocumentLanguage(document, decision.languageId);
            logInfo(`Set the language of ${notice.uri} to ${decision.languageId}.`);
        } catch (error) {
            this.tracker.setFailed(notice.uri);
            logError(`Could not set the language of ${notice.uri} to ${decision.languageId}`, error);
        }
    }

    /** The user chose a language through LangSniff: set it and never auto-switch this document again. */
    async setByUser(uri: string, languageId: string): Promise<void> {
        const document = findOpenDocument(uri);
        if (!document) {
            void vscode.window.showWarningMessage(`LangSniff: the document ${uri} is not open any more.`);
            return;
        }
        this.tracker.userChose(uri);
        try {
            await vscode.languages.setTextDocumentLanguage(document, languageId);
        } catch (error) {
            void vscode.window.showErrorMessage(`LangSniff could not set the language to ${languageId}: ${errorMessage(error)}`);
        }
    }

    dispose(): void {
        vscode.Disposable.from(...this.disposables).dispose();
    }

    private forgetLater(uri: string): void {
        setTimeout(() => {
            if (!findOpenDocument(uri)) {
                this.tracker.forget(uri);
            }
        }, FORGET_AFTER_CLOSE_MS);
    }
}
