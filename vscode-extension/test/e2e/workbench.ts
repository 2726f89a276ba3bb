/** Driving the VS Code workbench from Playwright: the command palette, editors, status bar. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Frame, Locator, Page } from 'playwright-core';

export const CHROMIUM = process.env.LANGSNIFF_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = process.env.LANGSNIFF_SCREENSHOT_DIR ?? path.resolve(__dirname, '..', '..', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
    return chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
}

export class Workbench {
    constructor(readonly page: Page) {}

    static async open(browser: Browser, url: string): Promise<Workbench> {
        const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
        const page = await context.newPage();
        await page.goto(url);
        await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
        return new Workbench(page);
    }

    /** Run a command by its palette title ("LangSniff: Show Attention"). */
    async runCommand(title: string): Promise<void> {
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input.input');
        await input.waitFor();
        await input.fill(`>${title}`);
        await this.pick(title);
    }

    /** Run a command that answers with a quick pick of its own ("Change Language Mode"). */
    async runPickerCommand(title: string, choice: string): Promise<void> {
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input.input');
        await input.fill(`>${title}`);
        await this.page
            .locator('.quick-input-list .monaco-list-row')
            .filter({ has: this.page.locator('.label-name', { hasText: title }) })
            .first()
            .click();
        await this.page.waitForFunction(() => !(document.querySelector('.quick-input-widget input.input') as HTMLInputElement | null)?.value.startsWith('>'));
        await input.fill(choice);
        await this.pick(choice);
    }

    /** Choose the quick pick row whose label is exactly `label`. */
    async pick(label: string): Promise<void> {
        const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        const row = this.page
            .locator('.quick-input-list .monaco-list-row')
            .filter({ has: this.page.locator('.label-name', { hasText: exact }) })
            .first();
        await row.click();
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }

    /** A new untitled editor in the active group, focused. */
    async newUntitled(): Promise<void> {
        const tabs = this.page.locator('.editor-group-container.active .tabs-container .tab');
        const before = await tabs.count();
        await this.runCommand('File: New Untitled Text File');
        await tabs.nth(before).waitFor();
        await this.editor().click();
    }

    editor(): Locator {
        return this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    }

    /** Paste `text` through the system clipboard, as a person would. */
    async paste(text: string): Promise<void> {
        await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
        await this.editor().click();
        await this.page.keyboard.press('Control+V');
        await this.page.waitForFunction(
            (firstLine) => Array.from(document.querySelectorAll('.editor-group-container.active .view-line')).some((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ').includes(firstLine)),
            text.split('\n')[0].trim(),
        );
    }

    /** Paste `text` at the end of the active editor. */
    async append(text: string): Promise<void> {
        await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
        await this.editor().click();
        await this.page.keyboard.press('Control+End');
        await this.page.keyboard.press('Control+V');
    }

    /** The language indicator of the active editor ("Plain Text", "Java"). */
    languageIndicator(): Locator {
        return this.page.locator('#status\\.editor\\.mode');
    }

    /** LangSniff's own status bar item. */
    detectionItem(): Locator {
        return this.page.locator('[id="langsniff.langsniff.detection"], [id$="langsniff.detection"]').first();
    }

    async waitForText(locator: Locator, pattern: RegExp, timeout = 60_000): Promise<string> {
        await locator.filter({ hasText: pattern }).first().waitFor({ timeout });
        return (await locator.innerText()).trim();
    }

    /** In an open code action menu, moves to the action whose label matches and applies it. */
    async chooseAction(label: RegExp): Promise<void> {
        const rows = this.page.locator('.action-widget .monaco-list-row.action');
        const count = await rows.count();
        for (let step = 0; step <= count; step++) {
            const focused = await this.page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label');
            if (focused && label.test(focused)) {
                await this.page.keyboard.press('Enter');
                await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
                return;
            }
            await this.page.keyboard.press('ArrowDown');
        }
        throw new Error(`no code action matches ${label}`);
    }

    /** Waits until a fading element and its ancestors are fully opaque (for screenshots). */
    async fullyShown(locator: Locator): Promise<void> {
        const handle = await locator.elementHandle();
        await this.page.waitForFunction((element) => {
            for (let node: Element | null = element; node; node = node.parentElement) {
                if (getComputedStyle(node).opacity !== '1') {
                    return false;
                }
            }
            return true;
        }, handle);
    }

    /** Waits until `probe` is true; fails after `timeoutMs`. */
    async until(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
        const end = Date.now() + timeoutMs;
        while (!(await probe())) {
            if (Date.now() > end) {
                throw new Error(`condition not met within ${timeoutMs} ms: ${probe}`);
            }
            await this.page.waitForTimeout(100);
        }
    }

    /** Waits until `probe` stays true for `forMs` (used to check that nothing happens). */
    async holds(probe: () => Promise<boolean>, forMs: number): Promise<boolean> {
        const end = Date.now() + forMs;
        while (Date.now() < end) {
            if (!(await probe())) {
                return false;
            }
            await this.page.waitForTimeout(100);
        }
        return true;
    }

    /** The frame that holds a webview's content, found by what its text shows. */
    async webviewFrame(shows: (text: string) => boolean, timeout = 30_000): Promise<Frame> {
        const deadline = Date.now() + timeout;
        while (Date.now() < deadline) {
            for (const frame of this.page.frames().filter((f) => f !== this.page.mainFrame() && f.url().includes('webview'))) {
                try {
                    if (shows(await frame.locator('body').innerText({ timeout: 200 }))) {
                        return frame;
                    }
                } catch {
                    // frame detached or not ready
                }
            }
            await this.page.waitForTimeout(200);
        }
        throw new Error(`no webview shows what was expected within ${timeout} ms: ${shows}`);
    }

    async screenshot(name: string): Promise<string> {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const file = path.join(SCREENSHOTS, `${name}.png`);
        await this.page.screenshot({ path: file });
        return file;
    }
}
