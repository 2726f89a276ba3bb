/**
 * Makes HTML safe to show in a webview: a strict content security policy (`default-src
 * 'none'`, scripts and styles only with a fresh nonce, nothing remote) put on the server's
 * attention page, and small escaped pages for messages. Pure, so it is unit-tested.
 */
import { randomBytes } from 'node:crypto';

/** A fresh nonce for one rendering (base64 of 18 random bytes). */
export function makeNonce(): string {
    return randomBytes(18).toString('base64');
}

export function escapeHtml(text: string): string {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

/**
 * The policy: nothing by default; scripts and style elements only with the nonce; images and
 * fonts only from the webview's own resource origin (`cspSource`) or inline data.
 */
export function buildCsp(nonce: string, cspSource: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}'`,
        `img-src ${cspSource} data:`,
        `font-src ${cspSource}`,
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
}

function cspMeta(nonce: string, cspSource: string): string {
    return `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(buildCsp(nonce, cspSource))}">`;
}

const EXISTING_CSP = /<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi;
const EXISTING_NONCE = /\snonce\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const SCRIPT_OR_STYLE_TAG = /<(script|style)\b([^>]*)>/gi;

/**
 * The server's page with our policy: any policy it carries is replaced, and every `<script>`
 * and `<style>` element gets this rendering's nonce, so only the page's own code runs.
 */
export function secureHtml(html: string, nonce: string, cspSource: string): string {
    const withNonces = html
        .replace(EXISTING_CSP, '')
        .replace(SCRIPT_OR_STYLE_TAG, (_tag, name: string, attributes: string) => {
            return `<${name}${attributes.replace(EXISTING_NONCE, '')} nonce="${nonce}">`;
        });
    const meta = cspMeta(nonce, cspSource);
    if (/<head\b[^>]*>/i.test(withNonces)) {
        return withNonces.replace(/<head\b[^>]*>/i, (head) => `${head}${meta}`);
    }
    return `<!DOCTYPE html><html><head>${meta}</head><body>${withNonces}</body></html>`;
}

/** A small page with a title and a message, both escaped. */
export function messageHtml(title: string, message: string, nonce: string, cspSource: string): string {
    return [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        cspMeta(nonce, cspSource),
        `<style nonce="${nonce}">body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:1em}</style>`,
        `<title>${escapeHtml(title)}</title></head><body>`,
        `<h2>${escapeHtml(title)}</h2><p>${escapeHtml(message)}</p>`,
        '</body></html>',
    ].join('');
}
