/**
 * The client command `langsniff.setDocumentLanguage` [uri, languageId] that the server's code
 * actions carry. The server also advertises it (so other clients get an answer from
 * `workspace/executeCommand`); VS Code must run it here, whichever way it arrives.
 */
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { Commands } from './constants';
import { logWarning } from './logging';

export type SetLanguage = (uri: string, languageId: string) => Promise<void>;

async function run(setLanguage: SetLanguage, args: unknown[]): Promise<void> {
    const [uri, languageId] = args;
    if (typeof uri !== 'string' || typeof languageId !== 'string') {
        logWarning(`${Commands.setDocumentLanguage} needs [uri, languageId], got ${JSON.stringify(args)}`);
        return;
    }
    await setLanguage(uri, languageId);
}

/** When the server advertises the command, the client registers it: intercept it before it is sent. */
export function setLanguageMiddleware(setLanguage: SetLanguage): Middleware {
    return {
        executeCommand: async (command, args, next) =>
            command === Commands.setDocumentLanguage ? run(setLanguage, args) : next(command, args),
    };
}

/** When the server does not advertise the command, register it ourselves. */
export function registerSetLanguageCommand(client: LanguageClient, setLanguage: SetLanguage): vscode.Disposable | undefined {
    const advertised = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    if (advertised.includes(Commands.setDocumentLanguage)) {
        return undefined;
    }
    return vscode.commands.registerCommand(Commands.setDocumentLanguage, (...args: unknown[]) => run(setLanguage, args));
}
