import { UrlBuilder } from './url-builder';

describe('UrlBuilder', () => {
  const urls = new UrlBuilder({ PUBLIC_URL: 'https://api.example.com', URI_SCHEME: 'backbeat' });

  it('builds hrefs, URIs and external URLs', () => {
    expect(urls.href('track', 'abc')).toBe('https://api.example.com/v1/tracks/abc');
    expect(urls.uri('album', 'xyz')).toBe('backbeat:album:xyz');
    expect(urls.externalUrls('artist', 'id1').backbeat).toBe('https://api.example.com/artist/id1');
  });

  it('links the neighbouring pages and keeps the query', () => {
    const page = urls.page([1, 2], { path: '/search', query: { q: 'love song', type: 'track' }, offset: 20, limit: 10, total: 35 });
    expect(page.href).toBe('https://api.example.com/v1/search?q=love+song&type=track&offset=20&limit=10');
    expect(page.next).toBe('https://api.example.com/v1/search?q=love+song&type=track&offset=30&limit=10');
    expect(page.previous).toBe('https://api.example.com/v1/search?q=love+song&type=track&offset=10&limit=10');
  });

  it('has no next on the last page and no previous on the first', () => {
    const first = urls.page([], { path: '/x', offset: 0, limit: 10, total: 5 });
    expect(first.next).toBeNull();
    expect(first.previous).toBeNull();
    expect(urls.page([], { path: '/x', offset: 5, limit: 10, total: 100 }).previous).toBe(
      'https://api.example.com/v1/x?offset=0&limit=10',
    );
  });
});
