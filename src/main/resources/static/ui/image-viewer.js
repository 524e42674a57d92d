// A picture in a chat opens over the page, fitted to the window: a click on it shows it at full size (and back), Esc,
// the close button or a click beside it closes it, and "Open original" opens the file itself in a new tab. One
// listener on the document serves every message list, whatever Vue renders later.
import { t } from '/ui/i18n.js';

let viewer = null;
let returnFocus = null;

function build() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/ui/image-viewer.css';
  document.head.append(link);
  const root = document.createElement('div');
  root.className = 'image-viewer';
  root.id = 'image-viewer';
  root.hidden = true;
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-modal', 'true');
  root.innerHTML = `<div class="bar"><a class="original" target="_blank" rel="noopener"></a>
    <button type="button" class="close"></button></div><img alt="">`;
  const image = root.querySelector('img');
  root.addEventListener('click', (event) => {
    if (event.target === image) image.classList.toggle('actual');
    else if (!event.target.closest('a')) close();
  });
  root.querySelector('.original').addEventListener('click', () => close());
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !root.hidden) {
      event.stopPropagation();
      close();
    }
  }, true);
  document.body.append(root);
  return root;
}

/** Shows the picture at src over the page. */
export function openImage(src, name = '') {
  viewer ??= build();
  returnFocus = document.activeElement;
  const image = viewer.querySelector('img');
  image.src = src;
  image.alt = name;
  image.classList.remove('actual');
  const original = viewer.querySelector('.original');
  original.href = src;
  original.textContent = t('viewer.original');
  const button = viewer.querySelector('.close');
  button.textContent = '×';
  button.title = t('viewer.close');
  button.setAttribute('aria-label', t('viewer.close'));
  viewer.setAttribute('aria-label', name || t('viewer.title'));
  viewer.hidden = false;
  button.focus();
}

export function closeImage() {
  close();
}

function close() {
  if (!viewer || viewer.hidden) return;
  viewer.hidden = true;
  viewer.querySelector('img').removeAttribute('src');
  returnFocus?.focus?.();
}

/** Pictures matching selector, wherever they appear in the page, open in the viewer when clicked. */
export function viewImages(selector) {
  document.addEventListener('click', (event) => {
    const image = event.target.closest?.(selector);
    if (!image || event.defaultPrevented) return;
    event.preventDefault();
    openImage(image.currentSrc || image.src, image.alt);
  });
}
