/** Activation only: wires the LangSniff modules together. */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { AttentionPanel } from './common/attentionPanel';
import { AutoDetectController } from './common/autoDetectController';
import { Commands, LAUNCH_SETTING_KEYS, Methods, SETTINGS_SECTION } from './common/constants';
import { parseDetection } from './common/detection';
import { LanguageNames } from './common/languageNames';
import { createLogChannel, logInfo, logWarning } from './common/logging';
import { attentionOf, classifyDocument } from './common/requests';
import { LangSniffServer } from './common/server';
import { readSettings } from './common/settings';
import { DetectionStatusBar } from './common/statusBar';

const currentSettings = () => readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));

let running: LangSniffServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const channel = createLogChannel(context);
    const names = () => new LanguageNames(vscode.extensions.all.map((extension) => extension.packageJSON));
    const autoDetect = new AutoDetectController(currentSettings);
    const setByUser = (uri: string, languageId: string) => autoDetect.setByUser(uri, languageId);
    const server = new LangSniffServer(channel, currentSettings, setByUser);
    running = server;
    const statusBar = new DetectionStatusBar(names, (uri) => classifyDocument(server.running, uri), setByUser);
    context.subscriptions.push(autoDetect, statusBar);

    server.onClient((client) => {
        client.onNotification(Methods.languageDetected, (payload: unknown) => {
            const detection = parseDetection(payload);
            if (!detection?.uri || detection.version === undefined) {
                logWarning(`Ignoring a malformed ${Methods.languageDetected}: ${JSON.stringify(payload)}`);
                return;
            }
            statusBar.showNotice(detection);
            void autoDetect.onDetected({ uri: detection.uri, version: detection.version, languageId: detection.languageId });
        });
        client.onDidChangeState((change) => {
            if (change.newState === State.Running) {
                statusBar.refreshSoon(0);
            }
        });
    });

    context.subscriptions.push(
        vscode.commands.registerCommand(Commands.restartServer, () => server.restart()),
        vscode.commands.registerCommand(Commands.chooseLanguage, () => statusBar.chooseLanguage()),
        vscode.commands.registerCommand(Commands.showAttention, () => {
            const document = vscode.window.activeTextEditor?.document;
            if (!document) {
                void vscode.window.showInformationMessage('LangSniff: open a document to see what the model attends to.');
                return;
            }
            AttentionPanel.show(document, (uri, nonce) => attentionOf(server.running, uri, nonce));
        }),
        vscode.workspace.onDidChangeConfiguration((event) => {
            if (!event.affectsConfiguration(SETTINGS_SECTION)) {
                return;
            }
            if (LAUNCH_SETTING_KEYS.some((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`))) {
                logInfo('The server settings changed: restarting the server.');
                void server.restart();
            } else {
                void server.sendSettings(currentSettings());
            }
        }),
    );

    await server.start();
}

/** Stops the server and waits for it, so VS Code does not leave the process behind. */
export async function deactivate(): Promise<void> {
    await running?.stop();
    running = undefined;
}
