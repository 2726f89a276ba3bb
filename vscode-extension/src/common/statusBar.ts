/**
 * The status bar item: the detected language and confidence of the active untitled (or plain
 * text) document; clicking it offers the top candidates in a quick pick.
 */
import * as vscode from 'vscode';
import { findOpenDocument } from './autoDetectController';
import { Commands, PLAINTEXT, UNTITLED_SCHEME } from './constants';
import { describeDetection, Detection, formatPercent, topCandidates } from './detection';
import { LanguageNames } from './languageNames';
import { errorMessage, logWarning } from './logging';

const REFRESH_DELAY_MS = 400;

export function isWatched(document: vscode.TextDocument): boolean {
    return document.uri.scheme === UNTITLED_SCHEME || document.languageId === PLAINTEXT;
}

export class DetectionStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('langsniff.detection', vscode.StatusBarAlignment.Right, 100);
    private readonly disposables: vscode.Disposable[] = [this.item];
    private timer: NodeJS.Timeout | undefined;

    constructor(
        private readonly names: () => LanguageNames,
        private readonly classify: (uri: string) => Promise<Detection | undefined>,
        private readonly setByUser: (uri: string, languageId: string) => Promise<void>,
    ) {
        this.item.name = 'LangSniff Detection';
        this.item.command = Commands.chooseLanguage;
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon(0)),
            vscode.workspace.onDidChangeTextDocument((event) => {
                if (event.document === vscode.window.activeTextEditor?.document) {
                    this.refreshSoon(REFRESH_DELAY_MS);
                }
            }),
            vscode.workspace.onDidOpenTextDocument((document) => {
                if (document === vscode.window.activeTextEditor?.document) {
                    this.refreshSoon(0);
                }
            }),
        );
    }

    /** Show a detection the server announced, if it is about the active document. */
    showNotice(detection: Detection): void {
        const active = vscode.window.activeTextEditor?.document;
        if (active && detection.uri === active.uri.toString() && detection.version === active.version) {
            this.render(detection);
        }
    }

    /** Ask the server about the active document now (e.g. after a restart). */
    refreshSoon(delayMs: number): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), delayMs);
    }

    /** The quick pick of candidates for the active document; the choice sets its language. */
    async chooseLanguage(): Promise<void> {
        const document = vscode.window.activeTextEditor?.document;
        if (!document) {
            void vscode.window.showInformationMessage('LangSniff: open an untitled document first.');
            return;
        }
        const uri = document.uri.toString();
        let detection: Detection | undefined;
        try {
            detection = await this.classify(uri);
        } catch (error) {
            void vscode.window.showErrorMessage(`LangSniff: ${errorMessage(error)}`);
            return;
        }
        if (!detection) {
            void vscode.window.showInformationMessage('LangSniff has no detection for this document.');
            return;
        }
        const names = this.names();
        const items = topCandidates(detection.candidates).map((candidate) => ({
            label: names.nameOf(candidate.languageId),
            description: formatPercent(candidate.probability),
            detail: candidate.languageId === document.languageId ? 'current language' : undefined,
            languageId: candidate.languageId,
        }));
        const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Set the language of this document' });
        if (picked && findOpenDocument(uri)) {
            await this.setByUser(uri, picked.languageId);
        }
    }

    dispose(): void {
        clearTimeout(this.timer);
        vscode.Disposable.from(...this.disposables).dispose();
    }

    private async refresh(): Promise<void> {
        const document = vscode.window.activeTextEditor?.document;
        if (!document || !isWatched(document)) {
            this.item.hide();
            return;
        }
        try {
            const detection = await this.classify(document.uri.toString());
            if (document === vscode.window.activeTextEditor?.document) {
                detection ? this.render(detection) : this.item.hide();
            }
        } catch (error) {
            logWarning(`Status bar: ${errorMessage(error)}`);
            this.item.hide();
        }
    }

    private render(detection: Detection): void {
        const name = this.names().nameOf(detection.languageId);
        this.item.text = `LangSniff: ${describeDetection(name, detection.confidence)}`;
        this.item.tooltip = `LangSniff detected ${name} (${formatPercent(detection.confidence)}). Click to choose among the likely languages.`;
        this.item.accessibilityInformation = { label: `LangSniff detected ${name}, ${formatPercent(detection.confidence)}` };
        this.item.show();
    }
}
