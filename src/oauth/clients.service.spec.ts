import { redirectUriMatches, redirectUriProblem } from './clients.service';

describe('redirect URIs', () => {
  it('accepts https, loopback http and reverse-domain private schemes', () => {
    for (const uri of ['https://app.example/cb', 'http://127.0.0.1/cb', 'http://[::1]:8080/cb', 'http://localhost:3000/x', 'com.example.app:/callback']) {
      expect(redirectUriProblem(uri)).toBeNull();
    }
  });

  it('refuses plain http elsewhere, fragments, credentials, bare schemes and relative URIs', () => {
    for (const uri of ['http://app.example/cb', 'https://app.example/cb#x', 'https://u:p@app.example/cb', 'myapp:/cb', 'javascript:alert(1)', '/cb']) {
      expect(redirectUriProblem(uri)).toEqual(expect.any(String));
    }
  });

  it('matches exact strings, and loopback http on any port', () => {
    const registered = ['https://app.example/cb', 'http://127.0.0.1/cb'];
    expect(redirectUriMatches(registered, 'https://app.example/cb')).toBe(true);
    expect(redirectUriMatches(registered, 'http://127.0.0.1:53117/cb')).toBe(true);
    for (const uri of ['https://app.example/cb/', 'https://app.example/cb?x=1', 'https://app.example:444/cb', 'http://127.0.0.1:1/other', 'http://localhost:1/cb', 'not a url']) {
      expect(redirectUriMatches(registered, uri)).toBe(false);
    }
  });
});
