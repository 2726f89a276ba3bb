/**
 * LangSniff in a real VS Code (code-server + headless Chromium): auto-detection on paste,
 * hover, code action, status bar, attention view. Each step waits for what a person would see.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { CodeServer, descendantsMatching, extensionLogs, langsniffLog, serverPython, startCodeServer } from './codeServer';
import { launchBrowser, Workbench } from './workbench';

const JAVA = `public class Greeter {
    private final String name;

    public Greeter(String name) {
        this.name = name;
    }

    public String greet() {
        return "Hello, " + name + "!";
    }

    public static void main(String[] args) {
        System.out.println(new Greeter("world").greet());
    }
}
`;

const PYTHON = `import os


def list_python_files(folder):
    """Return the Python files under folder, sorted."""
    found = []
    for root, _dirs, files in os.walk(folder):
        found.extend(os.path.join(root, name) for name in files if name.endswith(".py"))
    return sorted(found)


if __name__ == "__main__":
    print(list_python_files("."))
`;

const PROSE = `The meeting moved to Thursday afternoon because half of the team is travelling on Wednesday.
Please bring the printed agenda, and remember that the room on the third floor has no projector,
so we will share our screens from a laptop instead. Lunch is on us this time.
`;

/** Markup that would run if the attention view did not escape the code. */
const INJECTION = `// <img src=x onerror="document.body.dataset.pwned='img'"><script>document.body.dataset.pwned='script'</script>\n`;

/** The "N tokens" the attention view reports, or -1. */
function tokenCount(text: string): number {
    return Number(/(\d+) tokens/.exec(text)?.[1] ?? -1);
}

const USER_SETTINGS = {
    'workbench.editor.languageDetection': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'editor.hover.delay': 150,
    'editor.minimap.enabled': false,
    'langsniff.server.command': serverPython(),
    'langsniff.server.args': ['-m', 'langsniff.server'],
};

describe('LangSniff in VS Code', { timeout: 240_000 }, () => {
    let server: CodeServer;
    let browser: Browser;
    let workbench: Workbench;

    before(async () => {
        server = await startCodeServer(USER_SETTINGS);
        browser = await launchBrowser();
        workbench = await Workbench.open(browser, server.url);
    });

    after(async () => {
        await browser?.close();
        await server?.stop();
    });

    /** Adds a screenshot and the extension host's and LangSniff's logs to a step that failed. */
    async function withLogs(name: string, step: () => Promise<void>): Promise<void> {
        try {
            await step();
        } catch (error) {
            await workbench.screenshot(`failed-${name}`).catch(() => undefined);
            throw new Error(`${error instanceof Error ? error.message : error}\n${extensionLogs(server)}`);
        }
    }

    it('switches a new untitled file to Java when Java code is pasted, without a click', () =>
        withLogs('auto-detect', async () => {
            await workbench.newUntitled();
            assert.equal((await workbench.languageIndicator().innerText()).trim(), 'Plain Text');
            await workbench.paste(JAVA);
            await workbench.waitForText(workbench.languageIndicator(), /^Java$/);
            await workbench.screenshot('auto-detect');
        }));

    it('shows the detection and its confidence in the status bar, with candidates on click', () =>
        withLogs('status-bar', async () => {
            const text = await workbench.waitForText(workbench.detectionItem(), /Java \d+%/);
            assert.match(text, /Java \d+%/);
            await workbench.detectionItem().click();
            const rows = workbench.page.locator('.quick-input-list .monaco-list-row');
            await rows.first().waitFor();
            assert.match(await rows.first().innerText(), /Java[\s\S]*\d+%/);
            await workbench.screenshot('status-bar');
            await workbench.page.keyboard.press('Escape');
        }));

    it('shows the probability table on hover', () =>
        withLogs('hover', async () => {
            await workbench.page.locator('.view-line span', { hasText: 'Greeter' }).first().hover();
            const hover = workbench.page.locator('.monaco-hover:not(.hidden)').filter({ has: workbench.page.locator('table') });
            await hover.first().waitFor({ timeout: 30_000 });
            await workbench.fullyShown(hover.first());
            const table = await hover.first().locator('table').first().innerText();
            assert.match(table, /java/i);
            assert.match(table, /\d+(\.\d+)?\s?%/);
            await workbench.screenshot('hover');
            await workbench.page.mouse.move(5, 5);
        }));

    it('opens the attention view with the tokens of the document', () =>
        withLogs('attention', async () => {
            await workbench.runCommand('LangSniff: Show Attention');
            // Tokens are word pieces: "class" and "name" are whole tokens of this snippet.
            const frame = await workbench.webviewFrame((text) => text.includes('class'), 60_000);
            const body = await frame.locator('body').innerText();
            assert.match(body, /name/);
            assert.match(body, /Java \d+(\.\d+)?%/i);
            // The page's own script draws the attention lines: it runs under our policy's nonce.
            assert.ok((await frame.locator('svg line').count()) > 0, 'the attention lines are drawn');
            await workbench.screenshot('attention');

            // An edit refreshes the view; markup in the code shows as text and never runs.
            const tokensBefore = tokenCount(body);
            await workbench.append(INJECTION);
            const refreshed = await workbench.webviewFrame((text) => tokenCount(text) > tokensBefore);
            assert.match(await refreshed.locator('body').innerText(), /img/);
            assert.equal(await refreshed.locator('img').count(), 0);
            assert.equal(await refreshed.locator('body').getAttribute('data-pwned'), null);
            const tab = workbench.page.locator('.tabs-container .tab', { hasText: 'Attention:' });
            await tab.locator('.codicon-close').click();
            await tab.waitFor({ state: 'detached' });
            await workbench.editor().click();
        }));

    it('leaves a prose paragraph as Plain Text', () =>
        withLogs('prose', async () => {
            await workbench.newUntitled();
            await workbench.paste(PROSE);
            // Once the status bar shows this text's detection (no longer the Java tab's), the
            // server has looked at it; then the language must not move.
            await workbench.waitForText(workbench.detectionItem(), /^LangSniff: (?!Java)\S.* \d+%$/);
            const stays = await workbench.holds(
                async () => (await workbench.languageIndicator().innerText()).trim() === 'Plain Text',
                3000,
            );
            assert.ok(stays, `the language changed to ${await workbench.languageIndicator().innerText()}`);
            await workbench.screenshot('prose');
        }));

    it('sets the language from a code action, and never over the user\'s own choice', () =>
        withLogs('code-action', async () => {
            await workbench.newUntitled();
            await workbench.runPickerCommand('Change Language Mode', 'Markdown');
            await workbench.waitForText(workbench.languageIndicator(), /^Markdown$/);
            await workbench.paste(PYTHON);
            await workbench.waitForText(workbench.detectionItem(), /Python \d+%/);
            assert.equal((await workbench.languageIndicator().innerText()).trim(), 'Markdown');

            await workbench.page.locator('.view-line span', { hasText: 'list_python_files' }).first().click();
            await workbench.page.keyboard.press('Control+.');
            await workbench.page.locator('.action-widget .monaco-list-row').first().waitFor({ timeout: 30_000 });
            await workbench.screenshot('code-action');
            await workbench.chooseAction(/^Set language to Python/i);
            await workbench.waitForText(workbench.languageIndicator(), /^Python$/);
        }));

    it('restarts the server after it crashes, and detection works again', () =>
        withLogs('restart', async () => {
            const [serverPid] = descendantsMatching(server.pid, 'langsniff.server');
            assert.ok(serverPid, 'the language server runs under code-server');
            process.kill(serverPid, 'SIGKILL');
            await workbench.until(async () => /Restarting the server in \d+ ms/.test(langsniffLog(server)), 30_000);
            await workbench.newUntitled();
            await workbench.paste(JAVA);
            await workbench.waitForText(workbench.languageIndicator(), /^Java$/);
            const [newPid] = descendantsMatching(server.pid, 'langsniff.server');
            assert.ok(newPid && newPid !== serverPid, 'a new server process runs');
        }));

    it('stops switching as soon as langsniff.autoDetect is turned off', () =>
        withLogs('settings', async () => {
            await workbench.runCommand('Preferences: Open User Settings');
            await workbench.page.keyboard.type('langsniff.autoDetect');
            const setting = workbench.page.locator('.setting-item-bool', { hasText: 'Set the language of an untitled document automatically' });
            await setting.locator('.setting-value-checkbox').click();
            await workbench.screenshot('settings');
            await workbench.until(async () => /Sent the settings to the server: \{"autoDetect":false/.test(langsniffLog(server)), 30_000);
            await workbench.newUntitled();
            await workbench.paste(JAVA);
            await workbench.waitForText(workbench.detectionItem(), /Java \d+%/);
            const stays = await workbench.holds(
                async () => (await workbench.languageIndicator().innerText()).trim() === 'Plain Text',
                3000,
            );
            assert.ok(stays, `the language changed to ${await workbench.languageIndicator().innerText()}`);
        }));
});
