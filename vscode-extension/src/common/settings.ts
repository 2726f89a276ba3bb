/**
 * The extension's settings: read with defaults, mapped to what the server reads, and
 * resolved into the command that starts the server. No `vscode` import, so it is unit-tested.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    DEFAULT_PYTHON_EXECUTABLES,
    DEFAULT_PYTHON_MODULE_ARGS,
    DEFAULT_SERVER_EXECUTABLE,
    SettingKeys,
} from './constants';

/** The part of `vscode.WorkspaceConfiguration` this module needs. */
export interface ConfigurationReader {
    get<T>(key: string): T | undefined;
}

export interface ExtensionSettings {
    autoDetect: boolean;
    autoDetectPlainTextFiles: boolean;
    /** null: the model's own calibrated threshold. */
    threshold: number | null;
    debounceMs: number;
    /** '' for the server's default; a shipped model's name (`languages32`) or an artifact folder. */
    model: string;
    serverCommand: string;
    serverArgs: string[];
}

/** What the server receives as `initializationOptions` and in `workspace/didChangeConfiguration`. */
export interface ServerSettings {
    autoDetect: boolean;
    threshold: number | null;
    debounceMs: number;
}

export interface ServerLaunch {
    command: string;
    args: string[];
}

export const DEFAULT_SETTINGS: ExtensionSettings = {
    autoDetect: true,
    autoDetectPlainTextFiles: false,
    threshold: null,
    debounceMs: 300,
    model: '',
    serverCommand: '',
    serverArgs: [],
};

function isProbability(value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

function isWholeNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isStringList(value: unknown): value is string[] {
    return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Reads the `langsniff` section; a missing or wrongly typed value falls back to its default. */
export function readSettings(config: ConfigurationReader): ExtensionSettings {
    const autoDetect = config.get<unknown>(SettingKeys.autoDetect);
    const plainText = config.get<unknown>(SettingKeys.autoDetectPlainTextFiles);
    const threshold = config.get<unknown>(SettingKeys.threshold);
    const debounceMs = config.get<unknown>(SettingKeys.debounceMs);
    const model = config.get<unknown>(SettingKeys.model);
    const command = config.get<unknown>(SettingKeys.serverCommand);
    const args = config.get<unknown>(SettingKeys.serverArgs);
    return {
        autoDetect: typeof autoDetect === 'boolean' ? autoDetect : DEFAULT_SETTINGS.autoDetect,
        autoDetectPlainTextFiles: typeof plainText === 'boolean' ? plainText : DEFAULT_SETTINGS.autoDetectPlainTextFiles,
        threshold: isProbability(threshold) ? threshold : DEFAULT_SETTINGS.threshold,
        debounceMs: isWholeNumber(debounceMs) ? debounceMs : DEFAULT_SETTINGS.debounceMs,
        model: typeof model === 'string' ? model.trim() : DEFAULT_SETTINGS.model,
        serverCommand: typeof command === 'string' ? command.trim() : DEFAULT_SETTINGS.serverCommand,
        serverArgs: isStringList(args) ? args : DEFAULT_SETTINGS.serverArgs,
    };
}

/** The runtime settings the server understands (camelCase keys of its `langsniff` section). */
export function toServerSettings(settings: ExtensionSettings): ServerSettings {
    return {
        autoDetect: settings.autoDetect,
        threshold: settings.threshold,
        debounceMs: settings.debounceMs,
    };
}

/** The full path of `name` in the PATH folders, or undefined. */
export function findExecutable(name: string, searchPath: string | undefined = process.env.PATH): string | undefined {
    if (path.isAbsolute(name)) {
        return isExecutableFile(name) ? name : undefined;
    }
    for (const folder of (searchPath ?? '').split(path.delimiter).filter(Boolean)) {
        const candidate = path.join(folder, name);
        if (isExecutableFile(candidate)) {
            return candidate;
        }
    }
    return undefined;
}

function isExecutableFile(file: string): boolean {
    try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

/**
 * How to start the server: the configured command with its arguments; else `langsniff-server`
 * on PATH; else a Python on PATH with `-m langsniff.server`. `--model` follows when a model is
 * set. Undefined when none is found.
 */
export function resolveLaunch(
    settings: ExtensionSettings,
    find: (name: string) => string | undefined = (name) => findExecutable(name),
): ServerLaunch | undefined {
    const args = [...settings.serverArgs, ...(settings.model ? ['--model', settings.model] : [])];
    if (settings.serverCommand) {
        return { command: settings.serverCommand, args };
    }
    const server = find(DEFAULT_SERVER_EXECUTABLE);
    if (server) {
        return { command: server, args };
    }
    for (const python of DEFAULT_PYTHON_EXECUTABLES) {
        const found = find(python);
        if (found) {
            return { command: found, args: [...DEFAULT_PYTHON_MODULE_ARGS, ...args] };
        }
    }
    return undefined;
}

/** The message shown when no way to start the server was found; it names both fixes. */
export const SERVER_NOT_FOUND_MESSAGE =
    'LangSniff cannot find its language server: install the Python package `langsniff` so that ' +
    '`langsniff-server` is on PATH, or set `langsniff.server.command` (and `langsniff.server.args`) ' +
    'to the program that starts it, for example a Python interpreter with ["-m", "langsniff.server"].';
