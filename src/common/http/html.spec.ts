import { html, page, SafeHtml } from './html';

describe('html', () => {
  it('escapes interpolations unless they are already safe', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p>${name}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    expect(html`<p>${new SafeHtml('<b>ok</b>')}</p>`.value).toBe('<p><b>ok</b></p>');
    expect(html`<ul>${['a&b', html`<li>${'<i>'}</li>`]}</ul>`.value).toBe('<ul>a&amp;b<li>&lt;i&gt;</li></ul>');
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });

  it('wraps a body in a page with an escaped title', () => {
    const out = page('A & B', html`<h1>Hi</h1>`);
    expect(out).toContain('<title>A &amp; B · Backbeat</title>');
    expect(out).toContain('<h1>Hi</h1>');
    expect(out).not.toContain('<script');
  });
});
