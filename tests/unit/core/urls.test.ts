// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { codeLink, safeHttpsUrl } from '@/lib/core/urls';

describe('safeHttpsUrl', () => {
  it.each([
    ['an https URL', 'https://acme.example/model', 'https://acme.example/model'],
    ['nothing', undefined, undefined],
    ['http', 'http://acme.example/', undefined],
    ['javascript:', 'javascript:alert(1)', undefined],
    ['data:', 'data:text/html,<script>alert(1)</script>', undefined],
    ['not a URL', 'acme.example', undefined],
    ['a user name that reads as the host', 'https://huggingface.co@evil.example/', undefined],
    ['a user name and password', 'https://user:secret@acme.example/', undefined],
    ['an empty password', 'https://:@acme.example/', 'https://acme.example/'],
    ['an @ in the path (not a user name)', 'https://acme.example/@team/model', 'https://acme.example/@team/model'],
  ])('%s', (_name, value, expected) => {
    expect(safeHttpsUrl(value)).toBe(expected);
  });
});

describe('codeLink', () => {
  it.each([
    ['GitHub is linked', 'https://github.com/acme/model', { href: 'https://github.com/acme/model' }],
    ['www.github.com is GitHub too', 'https://www.github.com/acme/model', { href: 'https://www.github.com/acme/model' }],
    ['a look-alike subdomain is another host', 'https://github.com.evil.example/acme', { host: 'github.com.evil.example' }],
    ['another code host is named, not linked', 'https://gitlab.com/acme/model', { host: 'gitlab.com' }],
    // A Cyrillic і in place of the Latin i.
    ['a non-ASCII look-alike shows its real (punycode) name', 'https://g\u0456thub.com/acme', { host: 'xn--gthub-n2e.com' }],
    ['a user name in front of GitHub is refused', 'https://github.com@evil.example/acme', undefined],
    ['http is refused', 'http://github.com/acme/model', undefined],
    ['nothing', undefined, undefined],
  ])('%s', (_name, value, expected) => {
    expect(codeLink(value)).toEqual(expected);
  });
});
