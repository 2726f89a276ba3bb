/**
 * Names shared with the LangSniff server and VS Code, defined once.
 * They mirror `server/constants.py`; settings keys mirror package.json `contributes`.
 */

export const CLIENT_ID = 'langsniff';
export const CLIENT_NAME = 'LangSniff';

/** Custom LSP methods (server/constants.py). */
export const Methods = {
    languageDetected: 'langsniff/languageDetected',
    classify: 'langsniff/classify',
    attention: 'langsniff/attention',
} as const;

/** Commands: contributed in package.json, plus the one the server's code actions carry. */
export const Commands = {
    restartServer: 'langsniff.restartServer',
    showAttention: 'langsniff.showAttention',
    chooseLanguage: 'langsniff.chooseLanguage',
    setDocumentLanguage: 'langsniff.setDocumentLanguage',
} as const;

/** The configuration section and its keys (relative to the section). */
export const SETTINGS_SECTION = 'langsniff';
export const SettingKeys = {
    autoDetect: 'autoDetect',
    autoDetectPlainTextFiles: 'autoDetectPlainTextFiles',
    threshold: 'threshold',
    debounceMs: 'debounceMs',
    model: 'model',
    serverCommand: 'server.command',
    serverArgs: 'server.args',
    traceServer: 'trace.server',
} as const;

/** Keys that change how the server is started: changing them restarts it. */
export const LAUNCH_SETTING_KEYS: readonly string[] = [SettingKeys.model, SettingKeys.serverCommand, SettingKeys.serverArgs];

/** The language VS Code gives a new untitled document, and which LangSniff may replace. */
export const PLAINTEXT = 'plaintext';
export const UNTITLED_SCHEME = 'untitled';

/** How the server is started when `langsniff.server.command` is empty, in order of preference. */
export const DEFAULT_SERVER_EXECUTABLE = 'langsniff-server';
export const DEFAULT_PYTHON_MODULE_ARGS: readonly string[] = ['-m', 'langsniff.server'];
export const DEFAULT_PYTHON_EXECUTABLES: readonly string[] = ['python3', 'python'];
