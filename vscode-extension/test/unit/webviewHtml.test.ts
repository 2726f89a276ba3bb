import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildCsp, escapeHtml, makeNonce, messageHtml, secureHtml } from '../../src/common/webviewHtml';

const SOURCE = 'https://webview.example';

describe('buildCsp', () => {
    it('denies everything by default and allows scripts and styles only with the nonce', () => {
        const csp = buildCsp('abc', SOURCE);
        assert.match(csp, /^default-src 'none'; /);
        assert.match(csp, /script-src 'nonce-abc'(;|$)/);
        assert.match(csp, /style-src 'nonce-abc'(;|$)/);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:\/\/(?!webview\.example)|\*/);
    });
});

describe('makeNonce', () => {
    it('is fresh every time', () => {
        const nonces = new Set(Array.from({ length: 50 }, makeNonce));
        assert.equal(nonces.size, 50);
        assert.ok([...nonces].every((nonce) => nonce.length >= 24));
    });
});

describe('secureHtml', () => {
    const page = [
        '<!DOCTYPE html><html><head>',
        '<meta http-equiv="Content-Security-Policy" content="default-src *">',
        '<style nonce="server">.t{color:red}</style></head>',
        '<body><pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>',
        '<script nonce=\'old\'>render()</script><script type="module">more()</script></body></html>',
    ].join('');

    it('replaces the page\'s policy with ours', () => {
        const html = secureHtml(page, 'N1', SOURCE);
        assert.equal((html.match(/Content-Security-Policy/g) ?? []).length, 1);
        assert.ok(html.includes(`content="${escapeHtml(buildCsp('N1', SOURCE))}"`));
        assert.doesNotMatch(html, /default-src \*/);
        assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'), 'policy comes before any style');
    });

    it('puts this rendering\'s nonce on every script and style element, and no other nonce', () => {
        const html = secureHtml(page, 'N1', SOURCE);
        assert.equal((html.match(/<(script|style)\b[^>]*nonce="N1"/g) ?? []).length, 3);
        assert.doesNotMatch(html, /nonce=("server"|'old')/);
        assert.ok(html.includes('<script type="module" nonce="N1">'));
    });

    it('keeps escaped code escaped', () => {
        const html = secureHtml(page, 'N1', SOURCE);
        assert.ok(html.includes('<pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>'));
    });

    it('wraps a fragment without a head in a page with the policy', () => {
        const html = secureHtml('<div>tokens</div>', 'N2', SOURCE);
        assert.match(html, /^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy"/);
        assert.ok(html.includes('<body><div>tokens</div></body>'));
    });
});

describe('messageHtml', () => {
    it('escapes the title and message', () => {
        const html = messageHtml('<b>Oops</b>', 'no "server" & <script>', 'N', SOURCE);
        assert.ok(html.includes('&lt;b&gt;Oops&lt;/b&gt;'));
        assert.ok(html.includes('no &quot;server&quot; &amp; &lt;script&gt;'));
        assert.doesNotMatch(html, /<script>/);
    });
});
