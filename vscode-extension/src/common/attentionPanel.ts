/**
 * The attention view: one webview beside the editor showing the server's attention page for a
 * document, created or revealed by "LangSniff: Show Attention" and refreshed as the document
 * changes. The page runs under a strict policy (see webviewHtml.ts) with no local resources.
 */
import * as vscode from 'vscode';
import { AttentionResult } from './requests';
import { errorMessage } from './logging';
import { makeNonce, messageHtml, secureHtml } from './webviewHtml';

const VIEW_TYPE = 'langsniff.attention';
const REFRESH_DELAY_MS = 600;

export class AttentionPanel implements vscode.Disposable {
    private static current: AttentionPanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    private timer: NodeJS.Timeout | undefined;
    private rendering = 0;

    /** Show the attention of `document`, reusing the open view if there is one. */
    static show(document: vscode.TextDocument, fetch: (uri: string, nonce: string) => Promise<AttentionResult>): void {
        if (AttentionPanel.current) {
            AttentionPanel.current.documentUri = document.uri.toString();
            AttentionPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
            void AttentionPanel.current.render();
            return;
        }
        const panel = vscode.window.createWebviewPanel(
            VIEW_TYPE,
            'LangSniff Attention',
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: true, enableCommandUris: false, localResourceRoots: [] },
        );
        AttentionPanel.current = new AttentionPanel(panel, document.uri.toString(), fetch);
        void AttentionPanel.current.render();
    }

    private constructor(
        private readonly panel: vscode.WebviewPanel,
        private documentUri: string,
        private readonly fetch: (uri: string, nonce: string) => Promise<AttentionResult>,
    ) {
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            vscode.workspace.onDidChangeTextDocument((event) => {
                if (event.document.uri.toString() === this.documentUri && event.contentChanges.length > 0) {
                    clearTimeout(this.timer);
                    this.timer = setTimeout(() => void this.render(), REFRESH_DELAY_MS);
                }
            }),
        );
    }

    dispose(): void {
        AttentionPanel.current = undefined;
        clearTimeout(this.timer);
        this.panel.dispose();
        vscode.Disposable.from(...this.disposables.splice(0)).dispose();
    }

    private async render(): Promise<void> {
        const rendering = ++this.rendering;
        const webview = this.panel.webview;
        const nonce = makeNonce();
        const name = vscode.Uri.parse(this.documentUri).path.split('/').pop() ?? this.documentUri;
        this.panel.title = `Attention: ${name}`;
        let html: string;
        try {
            const result = await this.fetch(this.documentUri, nonce);
            html = secureHtml(result.html, nonce, webview.cspSource);
        } catch (error) {
            html = messageHtml('No attention view', errorMessage(error), nonce, webview.cspSource);
        }
        if (rendering === this.rendering && AttentionPanel.current === this) {
            webview.html = html;
        }
    }
}
