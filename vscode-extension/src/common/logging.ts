/** The one LangSniff output channel: the extension's log, the server's stderr and the LSP trace. */
import * as vscode from 'vscode';
import { CLIENT_NAME } from './constants';

let channel: vscode.LogOutputChannel | undefined;

export function createLogChannel(context: vscode.ExtensionContext): vscode.LogOutputChannel {
    channel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
    context.subscriptions.push(channel);
    return channel;
}

export function logInfo(message: string): void {
    channel?.info(message);
}

export function logWarning(message: string): void {
    channel?.warn(message);
}

export function logError(message: string, error?: unknown): void {
    channel?.error(error === undefined ? message : `${message}: ${errorMessage(error)}`);
}

export function errorMessage(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
