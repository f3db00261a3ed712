// The "Embed" button of the full app and its dialog: both snippets (loader and plain iframe) for the current
// state, with the embed's own flags (theme, legend, controls, static, height) chosen in the dialog. Built with DOM
// and text nodes only; the snippets are shown in read-only text areas, never parsed.
import type { Lang } from '../domain/feature.ts';
import { button, el } from '../panels/dom.ts';
import type { AppState, Store } from '../state/store.ts';
import { DEFAULT_FLAGS, DEFAULT_HEIGHT, type EmbedFlags, HEIGHT_MAX, HEIGHT_MIN } from './embed-flags.ts';
import { iframeSnippet, loaderSnippet, type SnippetInput } from './embed-snippet.ts';
import { embedStrings } from './embed-strings.ts';
import './embed-dialog.css';

/** Where the built site lives: the folder of the page the app runs in. */
const siteBase = () => new URL('.', window.location.href).href;

async function copy(text: string, area: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an insecure origin, an old browser): select the text for Ctrl+C.
    area.focus();
    area.select();
    return false;
  }
}

function snippetBlock(heading: string, note: string, id: string, lang: Lang, rows: number) {
  const t = embedStrings(lang);
  const area = el('textarea', { id, class: 'embed-snippet', 'aria-labelledby': `${id}-heading` });
  area.readOnly = true;
  area.rows = rows;
  area.spellcheck = false;
  const copyButton = button(t.copy, () => {
    void copy(area.value, area).then((ok) => {
      copyButton.textContent = ok ? t.copied : t.copy;
    });
  });
  copyButton.classList.add('embed-copy');
  copyButton.dataset.for = id;
  const block = el(
    'section',
    { class: 'embed-snippet-block' },
    el('h3', { id: `${id}-heading` }, heading),
    el('p', { class: 'embed-note' }, note),
    area,
    copyButton,
  );
  return { block, area, copyButton };
}

function checkbox(label: string, name: string, checked: boolean, onChange: (v: boolean) => void) {
  const input = el('input', { type: 'checkbox', 'data-flag': name });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return el('label', {}, input, ` ${label}`);
}

function openDialog(store: Store): HTMLDialogElement {
  const s0 = store.getState();
  const t = embedStrings(s0.lang);
  let flags: EmbedFlags = { ...DEFAULT_FLAGS };
  let height = DEFAULT_HEIGHT;

  const loader = snippetBlock(t.loaderForm, t.loaderNote, 'embed-snippet-loader', s0.lang, 7);
  const iframe = snippetBlock(t.iframeForm, t.iframeNote, 'embed-snippet-iframe', s0.lang, 4);
  const update = (s: AppState = store.getState()) => {
    const input: SnippetInput = { base: siteBase(), state: s, flags, height, title: t.frameTitle };
    loader.area.value = loaderSnippet(input);
    iframe.area.value = iframeSnippet(input);
    loader.copyButton.textContent = t.copy;
    iframe.copyButton.textContent = t.copy;
  };
  const setFlags = (f: Partial<EmbedFlags>) => {
    flags = { ...flags, ...f };
    update();
  };

  const theme = el('select', { 'data-flag': 'theme' });
  theme.append(new Option(t.light, 'light'), new Option(t.dark, 'dark'));
  theme.addEventListener('change', () => setFlags({ theme: theme.value === 'dark' ? 'dark' : 'light' }));
  const heightInput = el('input', { type: 'number', 'data-flag': 'height' });
  heightInput.min = String(HEIGHT_MIN);
  heightInput.max = String(HEIGHT_MAX);
  heightInput.step = '10';
  heightInput.value = String(height);
  heightInput.addEventListener('input', () => {
    const h = Number(heightInput.value);
    if (Number.isInteger(h) && h >= HEIGHT_MIN && h <= HEIGHT_MAX) {
      height = h;
      update();
    }
  });

  const dialog = el(
    'dialog',
    { class: 'embed-dialog', 'aria-labelledby': 'embed-dialog-heading' },
    el('h2', { id: 'embed-dialog-heading' }, t.dialogTitle),
    el('p', {}, t.dialogIntro),
    el(
      'fieldset',
      { class: 'embed-options' },
      el('label', {}, `${t.theme} `, theme),
      checkbox(t.showLegend, 'legend', flags.legend, (v) => setFlags({ legend: v })),
      checkbox(t.showControls, 'controls', flags.controls, (v) => setFlags({ controls: v })),
      checkbox(t.staticMode, 'static', flags.static, (v) => setFlags({ static: v })),
      el('label', {}, `${t.height} `, heightInput),
    ),
    loader.block,
    iframe.block,
    button(t.close, () => dialog.close(), { class: 'embed-close' }),
  );
  update(s0);
  // The snippet follows the map while the dialog is open (it is modal, but the URL can change by history).
  const unsubscribe = store.subscribe((s) => update(s));
  dialog.addEventListener('close', () => {
    unsubscribe();
    dialog.remove();
  });
  document.body.appendChild(dialog);
  dialog.showModal();
  return dialog;
}

/**
 * Wires the Embed button of the app's header (index.html has it, so the header has its final size at first paint;
 * added here, it wrapped the subtitle ~250 ms in and the header grew by a line), or adds one to a header without.
 */
export function mountEmbedButton(
  store: Store,
  header: Element | null = document.querySelector('.app-header'),
) {
  if (header === null) return;
  const open = () => openDialog(store);
  const label = embedStrings(store.getState().lang).embed;
  const found = header.querySelector<HTMLButtonElement>('#embed-button');
  const b =
    found ??
    header.appendChild(
      button(label, open, { class: 'embed-button', id: 'embed-button', 'aria-haspopup': 'dialog' }),
    );
  if (found !== null) {
    found.textContent = label;
    found.addEventListener('click', open);
  }
  let lang = store.getState().lang;
  store.subscribe((s) => {
    if (s.lang === lang) return;
    lang = s.lang;
    b.textContent = embedStrings(lang).embed;
  });
}
