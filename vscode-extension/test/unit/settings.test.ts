import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
    ConfigurationReader,
    DEFAULT_SETTINGS,
    findExecutable,
    readSettings,
    resolveLaunch,
    toServerSettings,
} from '../../src/common/settings';

function config(values: Record<string, unknown>): ConfigurationReader {
    return { get: <T>(key: string) => values[key] as T | undefined };
}

describe('readSettings', () => {
    it('gives the defaults for an empty configuration', () => {
        assert.deepEqual(readSettings(config({})), DEFAULT_SETTINGS);
    });

    it('reads every key', () => {
        const settings = readSettings(
            config({
                autoDetect: false,
                autoDetectPlainTextFiles: true,
                threshold: 0.8,
                debounceMs: 50,
                model: ' languages32 ',
                'server.command': ' /usr/bin/python3 ',
                'server.args': ['-m', 'langsniff.server'],
            }),
        );
        assert.deepEqual(settings, {
            autoDetect: false,
            autoDetectPlainTextFiles: true,
            threshold: 0.8,
            debounceMs: 50,
            model: 'languages32',
            serverCommand: '/usr/bin/python3',
            serverArgs: ['-m', 'langsniff.server'],
        });
    });

    it('falls back to the default for wrongly typed values', () => {
        const settings = readSettings(
            config({ autoDetect: 'yes', threshold: 1.5, debounceMs: -1, model: 2, 'server.command': 3, 'server.args': [1] }),
        );
        assert.deepEqual(settings, DEFAULT_SETTINGS);
    });
});

describe('toServerSettings', () => {
    it('sends the runtime settings with the server\'s camelCase keys, and null for the model\'s threshold', () => {
        assert.deepEqual(toServerSettings(DEFAULT_SETTINGS), { autoDetect: true, threshold: null, debounceMs: 300 });
        assert.deepEqual(toServerSettings({ ...DEFAULT_SETTINGS, autoDetect: false, threshold: 0.9 }), {
            autoDetect: false,
            threshold: 0.9,
            debounceMs: 300,
        });
    });
});

describe('resolveLaunch', () => {
    const onPath = (names: string[]) => (name: string) => (names.includes(name) ? `/bin/${name}` : undefined);

    it('uses the configured command and arguments first', () => {
        const settings = { ...DEFAULT_SETTINGS, serverCommand: '/venv/bin/python', serverArgs: ['-m', 'langsniff.server'] };
        assert.deepEqual(resolveLaunch(settings, onPath(['langsniff-server'])), {
            command: '/venv/bin/python',
            args: ['-m', 'langsniff.server'],
        });
    });

    it('then langsniff-server on PATH', () => {
        assert.deepEqual(resolveLaunch(DEFAULT_SETTINGS, onPath(['langsniff-server', 'python3'])), {
            command: '/bin/langsniff-server',
            args: [],
        });
    });

    it('then python -m langsniff.server', () => {
        assert.deepEqual(resolveLaunch(DEFAULT_SETTINGS, onPath(['python'])), {
            command: '/bin/python',
            args: ['-m', 'langsniff.server'],
        });
    });

    it('passes the chosen model after the other arguments, whichever way the server starts', () => {
        const model = { ...DEFAULT_SETTINGS, model: 'languages32' };
        assert.deepEqual(resolveLaunch(model, onPath(['python3'])), {
            command: '/bin/python3',
            args: ['-m', 'langsniff.server', '--model', 'languages32'],
        });
        assert.deepEqual(resolveLaunch({ ...model, serverCommand: '/venv/bin/langsniff-server', serverArgs: ['--threads', '2'] }), {
            command: '/venv/bin/langsniff-server',
            args: ['--threads', '2', '--model', 'languages32'],
        });
    });

    it('gives undefined when nothing is found', () => {
        assert.equal(resolveLaunch(DEFAULT_SETTINGS, onPath([])), undefined);
    });
});

describe('findExecutable', () => {
    it('finds executable files on the search path, not plain files or folders', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'langsniff-path-'));
        const tool = path.join(folder, 'tool');
        fs.writeFileSync(tool, '#!/bin/sh\n', { mode: 0o755 });
        fs.writeFileSync(path.join(folder, 'data'), 'x', { mode: 0o644 });
        fs.mkdirSync(path.join(folder, 'dir'));
        const searchPath = ['/nonexistent', folder].join(path.delimiter);
        assert.equal(findExecutable('tool', searchPath), tool);
        assert.equal(findExecutable('data', searchPath), undefined);
        assert.equal(findExecutable('dir', searchPath), undefined);
        assert.equal(findExecutable(tool, ''), tool);
        fs.rmSync(folder, { recursive: true });
    });
});
