/**
 * A real VS Code for the end-to-end tests: code-server (installed by
 * scripts/install-code-server.sh) with the packaged extension, a fresh user folder and no
 * network, stopped by the process id we started.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const EXTENSION_ROOT = path.resolve(__dirname, '..', '..', '..');
const CODE_SERVER = path.join(EXTENSION_ROOT, '.tools', 'code-server', 'node_modules', '.bin', 'code-server');
const VSIX = path.join(EXTENSION_ROOT, 'langsniff.vsix');

export interface CodeServer {
    pid: number;
    url: string;
    root: string;
    logFile: string;
    settingsFile: string;
    stop(): Promise<void>;
}

async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const port = (server.address() as net.AddressInfo).port;
            server.close(() => resolve(port));
        });
    });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) {
            throw new Error(`code-server exited with code ${child.exitCode}`);
        }
        try {
            if ((await fetch(`${url}/healthz`)).ok) {
                return;
            }
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/** The Python that runs `-m langsniff.server`: $LANGSNIFF_PYTHON, else python3 on PATH. */
export function serverPython(): string {
    return process.env.LANGSNIFF_PYTHON ?? execFileSync('sh', ['-c', 'command -v python3 || command -v python']).toString().trim();
}

export async function startCodeServer(userSettings: Record<string, unknown>): Promise<CodeServer> {
    for (const [file, fix] of [
        [CODE_SERVER, 'run scripts/install-code-server.sh'],
        [VSIX, 'run npm run package'],
    ]) {
        if (!fs.existsSync(file)) {
            throw new Error(`${file} is missing: ${fix}`);
        }
    }
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'langsniff-e2e-'));
    const [userDir, extensionsDir, workspace] = ['user', 'extensions', 'workspace'].map((name) => path.join(root, name));
    [userDir, extensionsDir, workspace].forEach((dir) => fs.mkdirSync(dir, { recursive: true }));
    const settingsFile = path.join(userDir, 'User', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify(userSettings, null, 2));
    const env = {
        ...process.env,
        EXTENSIONS_GALLERY: '{"serviceUrl":"http://127.0.0.1:9/none","itemUrl":"http://127.0.0.1:9/none"}',
    };
    execFileSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--user-data-dir', userDir, '--install-extension', VSIX], {
        env,
        stdio: 'pipe',
    });

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const logFile = path.join(root, 'code-server.log');
    const log = fs.openSync(logFile, 'w');
    const child = spawn(
        CODE_SERVER,
        [
            '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
            '--disable-workspace-trust', '--disable-getting-started-override',
            '--user-data-dir', userDir, '--extensions-dir', extensionsDir, workspace,
        ],
        { env, stdio: ['ignore', log, log], detached: true },
    );
    try {
        await waitForHealth(url, child, 60_000);
    } catch (error) {
        stopProcessGroup(child);
        throw error;
    }
    return {
        pid: child.pid as number,
        url,
        root,
        logFile,
        settingsFile,
        stop: async () => {
            stopProcessGroup(child);
            await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
            fs.closeSync(log);
            fs.rmSync(root, { recursive: true, force: true });
        },
    };
}

/** code-server runs the extension host and our language server as children: stop them all. */
function stopProcessGroup(child: ChildProcess): void {
    if (child.pid !== undefined && child.exitCode === null) {
        try {
            process.kill(-child.pid, 'SIGTERM');
        } catch {
            child.kill('SIGTERM');
        }
    }
}

/** Processes started by `pid`, at any depth, whose command line contains `needle`. */
export function descendantsMatching(pid: number, needle: string): number[] {
    const children = new Map<number, number[]>();
    for (const entry of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
            const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
        } catch {
            // the process ended while we looked
        }
    }
    const found: number[] = [];
    const visit = (parent: number): void => {
        for (const child of children.get(parent) ?? []) {
            try {
                if (fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(needle)) {
                    found.push(child);
                }
            } catch {
                // the process ended while we looked
            }
            visit(child);
        }
    };
    visit(pid);
    return found;
}

/** The LangSniff output channel's log so far. */
export function langsniffLog(server: CodeServer): string {
    return extensionLogs(server, /^LangSniff\.log$/);
}

/** Everything the VS Code extension host logged, for failure messages. */
export function extensionLogs(server: CodeServer, names = /LangSniff|exthost/i): string {
    const files: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (names.test(entry.name)) {
                files.push(full);
            }
        }
    };
    const logs = path.join(server.root, 'user', 'logs');
    if (fs.existsSync(logs)) {
        walk(logs);
    }
    return files.map((file) => `--- ${file}\n${fs.readFileSync(file, 'utf8').slice(-4000)}`).join('\n');
}
