/**
 * Starts the LangSniff language server over stdio, restarts it after a crash with growing
 * waits, and gives the other modules the running client.
 */
import * as vscode from 'vscode';
import {
    CloseAction,
    CloseHandlerResult,
    DidChangeConfigurationNotification,
    ErrorAction,
    ErrorHandlerResult,
    LanguageClient,
    LanguageClientOptions,
    ServerOptions,
    State,
} from 'vscode-languageclient/node';
import { RestartBackoff } from './backoff';
import { CLIENT_ID, CLIENT_NAME, Commands, PLAINTEXT, UNTITLED_SCHEME } from './constants';
import { errorMessage, logError, logInfo, logWarning } from './logging';
import { registerSetLanguageCommand, SetLanguage, setLanguageMiddleware } from './setLanguageCommand';
import { ExtensionSettings, resolveLaunch, SERVER_NOT_FOUND_MESSAGE, toServerSettings } from './settings';

/** Called with each new client before it starts: register notification handlers here. */
export type ClientListener = (client: LanguageClient) => void;

export class LangSniffServer {
    private client: LanguageClient | undefined;
    private readonly backoff = new RestartBackoff();
    private restartTimer: NodeJS.Timeout | undefined;
    private stopping = false;
    private readonly listeners: ClientListener[] = [];
    private readonly clientDisposables: vscode.Disposable[] = [];

    constructor(
        private readonly channel: vscode.LogOutputChannel,
        private readonly readSettings: () => ExtensionSettings,
        private readonly setDocumentLanguage: SetLanguage,
    ) {}

    /** The running client, or undefined while the server is down. */
    get running(): LanguageClient | undefined {
        return this.client?.state === State.Running ? this.client : undefined;
    }

    /** Register before `start()`; the listener then sees every client, restarts included. */
    onClient(listener: ClientListener): void {
        this.listeners.push(listener);
    }

    async start(): Promise<void> {
        const settings = this.readSettings();
        const launch = resolveLaunch(settings);
        if (!launch) {
            logError(SERVER_NOT_FOUND_MESSAGE);
            void vscode.window.showErrorMessage(SERVER_NOT_FOUND_MESSAGE);
            return;
        }
        logInfo(`Starting the server: ${[launch.command, ...launch.args].join(' ')}`);
        // No `transport`: with TransportKind.stdio the client would append `--stdio` to the arguments.
        const serverOptions: ServerOptions = { command: launch.command, args: launch.args };
        const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, this.clientOptions(settings));
        this.client = client;
        this.stopping = false;
        for (const listener of this.listeners) {
            listener(client);
        }
        try {
            await client.start();
        } catch (error) {
            logError('The server did not start', error);
            this.scheduleRestart();
            return;
        }
        this.backoff.started(Date.now());
        const command = registerSetLanguageCommand(client, this.setDocumentLanguage);
        if (command) {
            this.clientDisposables.push(command);
        }
    }

    async stop(): Promise<void> {
        this.stopping = true;
        clearTimeout(this.restartTimer);
        this.restartTimer = undefined;
        vscode.Disposable.from(...this.clientDisposables.splice(0)).dispose();
        const client = this.client;
        this.client = undefined;
        if (client && client.state !== State.Stopped) {
            try {
                await client.stop(2000);
            } catch (error) {
                logWarning(`The server did not stop cleanly: ${errorMessage(error)}`);
            }
        }
    }

    /** Restart now and forget past crashes (the user asked, or the launch settings changed). */
    async restart(): Promise<void> {
        this.backoff.reset();
        await this.stop();
        await this.start();
    }

    /** Send changed runtime settings to the running server. */
    async sendSettings(settings: ExtensionSettings): Promise<void> {
        const client = this.running;
        if (client) {
            const serverSettings = toServerSettings(settings);
            await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [CLIENT_ID]: serverSettings } });
            logInfo(`Sent the settings to the server: ${JSON.stringify(serverSettings)}`);
        }
    }

    private clientOptions(settings: ExtensionSettings): LanguageClientOptions {
        return {
            documentSelector: [{ scheme: UNTITLED_SCHEME }, { language: PLAINTEXT }],
            initializationOptions: toServerSettings(settings),
            outputChannel: this.channel,
            traceOutputChannel: this.channel,
            errorHandler: {
                error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue, handled: true }),
                closed: (): CloseHandlerResult => {
                    if (!this.stopping) {
                        logWarning('The server stopped unexpectedly.');
                        this.scheduleRestart();
                    }
                    return { action: CloseAction.DoNotRestart, handled: true };
                },
            },
            middleware: setLanguageMiddleware(this.setDocumentLanguage),
        };
    }

    private scheduleRestart(): void {
        if (this.restartTimer || this.stopping) {
            return;
        }
        const delay = this.backoff.nextDelay(Date.now());
        if (delay === undefined) {
            const message = 'The LangSniff server keeps stopping; it will not be restarted automatically. See the LangSniff output.';
            logError(message);
            void vscode.window.showErrorMessage(message, 'Restart Server').then((choice) => {
                if (choice) {
                    void vscode.commands.executeCommand(Commands.restartServer);
                }
            });
            return;
        }
        logInfo(`Restarting the server in ${delay} ms.`);
        this.restartTimer = setTimeout(() => {
            this.restartTimer = undefined;
            void this.stop().then(() => this.start());
        }, delay);
    }
}
