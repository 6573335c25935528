import { it } from 'vitest';
it('exp', () => {
  const el = document.createElement('div');
  document.documentElement.append(el);
  const props = ['zoom', 'transform', 'filter', 'backdropFilter', 'clipPath', 'maskImage', 'opacity', 'visibility', 'contentVisibility'];
  console.log(JSON.stringify(Object.fromEntries(props.map((p) => [p, (getComputedStyle(el) as any)[p]]))));
  el.style.cssText = 'zoom:1.5;transform:scale(0.5);filter:blur(2px);backdrop-filter:blur(1px);clip-path:inset(10px);mask-image:url(x.png);opacity:0.5;visibility:hidden;content-visibility:hidden';
  console.log(JSON.stringify(Object.fromEntries(props.map((p) => [p, (getComputedStyle(el) as any)[p]]))));
  console.log(document.documentElement.clientWidth, document.documentElement.clientHeight, window.innerWidth, String(window.visualViewport), window.visualViewport?.width, typeof document.elementFromPoint);
});
