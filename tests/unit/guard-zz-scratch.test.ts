// scratch
import { it } from 'vitest';
import { sniffValue } from '@/lib/value-sniff';
import { classifyField } from '@/lib/field-classifier';
import { normalizeTrustedEntry, siteOf } from '@/lib/site-identity';
it('probe', async () => {
  const log = (...a: unknown[]) => console.log('PROBE', ...a);
  for (const v of ['12345678901', '20231115093', '13800138000', '6212 3456 7890 1232', '11010519491231002X', '4111111111111111', '98765432101']) log(v, JSON.stringify(sniffValue(v)));
  document.body.innerHTML = '<label for="m">手机号码</label><input id="m" name="mobile"><input id="u" type="text"><label for="i">身份证号</label><input id="i"><div><input maxlength="1"></div>';
  for (const id of ['m','u','i']) log(id, JSON.stringify(classifyField(document.getElementById(id)!)));
  log(JSON.stringify(classifyField(document.querySelector('div input')!)));
  log(JSON.stringify(normalizeTrustedEntry('[::1]')), JSON.stringify(normalizeTrustedEntry('bücher.example')), JSON.stringify(normalizeTrustedEntry('http://192.168.0.1:8080/')));
  log(JSON.stringify(siteOf('https://api.loan.example.co.id/x')), JSON.stringify(siteOf('file:///home/a b.html?x')), JSON.stringify(siteOf('about:blank')));
  log(new URL('http://[::1]:8080/').hostname, new URL('https://bücher.example/').hostname, new URL('https://EXAMPLE.com./').hostname);
  const { Window } = await import('happy-dom');
  const w = new Window({ url: 'https://a.test/' }) as any;
  log('fresh', w.WebSocket.prototype === WebSocket.prototype, w.Element.prototype === Element.prototype, typeof w.TypeError, typeof w.crypto);
  await w.happyDOM.close();
  const mo = new MutationObserver(() => {}); log('takeRecords', typeof mo.takeRecords);
  log(typeof queueMicrotask, Object.getOwnPropertyDescriptor(window, 'fetch') ? 'own fetch' : 'proto fetch', Object.getOwnPropertyDescriptor(navigator, 'sendBeacon') ? 'own beacon' : 'proto beacon', Object.getOwnPropertyDescriptor(window, 'open') ? 'own open':'proto open');
  log('innerHTML on', Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML') ? 'Element' : 'elsewhere', 'contentWindow', !!Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow'));
});
