// The demo record: a plain web record (clinic list, patient banner, letter and notes tabs) with
// the sample letters in the real editors clinicians write in, so a trainer can show Alongside
// where it is used. Every person is fictional. CKEditor 5 and TinyMCE are self-hosted (GPL).
import { ClassicEditor, Essentials, Bold, Italic, List, Paragraph } from 'ckeditor5';
import type { TinyMCE } from 'tinymce';
import letters from '../letters.json' with { type: 'json' };

interface Letter {
  id: string;
  title: string;
  kind: string;
  summary: string;
  before: string;
  after: string;
}

/** Who each letter is about, for the clinic list and the banner (all invented). */
const PEOPLE: Record<string, { name: string; born: string; clinic: string; note: string }> = {
  'discharge-to-gp': {
    name: 'Niamh Costello',
    born: '2010',
    clinic: 'Paediatric discharge',
    note: 'Seen on the ward with her mother. Medically fit; CAMHS liaison saw her on 4 March. She would not talk about what happened on the first evening and was uncooperative with nursing staff.',
  },
  'letter-to-person': {
    name: 'Ms Quinlan',
    born: '1961',
    clinic: 'Knee clinic',
    note: 'Right knee pain for two years. She claims the pain is 9/10 most days. X-ray: wear and tear. Advised weight loss and exercise.',
  },
  'mdt-not-for-us': {
    name: 'Darren Holloway',
    born: '1979',
    clinic: 'Spinal MDT',
    note: 'MDT: not for surgery. Does not fit our criteria. Back to GP for conservative management.',
  },
  'pain-programme-discharge': {
    name: 'Shabana Akhtar',
    born: '1974',
    clinic: 'Pain programme review',
    note: 'Completed the programme. Now successfully self-managing. Discharged.',
  },
  referral: {
    name: 'Callum Fraser',
    born: '1968',
    clinic: 'Diabetes referral',
    note: 'Poorly controlled type 2 diabetes. Non-compliant with metformin. Referred to the specialist team.',
  },
};

const LETTERS = letters.letters as Letter[];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** A letter as paragraphs of a rich editor: one <p> per paragraph, a line break as <br>. */
const paragraphsHtml = (text: string) =>
  text
    .split(/\n{2,}/)
    .map(
      (p) =>
        `<p>${p.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>')}</p>`,
    )
    .join('');

const textarea = $<HTMLTextAreaElement>('letter-textarea');
const notes = $<HTMLTextAreaElement>('notes');
const ckeditor = ClassicEditor.create($('letter-ckeditor'), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Italic, List],
  toolbar: ['undo', 'redo', '|', 'bold', 'italic', 'bulletedList'],
});
const tinymce = (window as Window & { tinymce?: TinyMCE }).tinymce!;
const tiny = tinymce
  .init({
    selector: '#letter-tinymce',
    license_key: 'gpl',
    base_url: '/vendor/tinymce',
    suffix: '.min',
    promotion: false,
    branding: false,
    menubar: false,
    height: 460,
    toolbar: 'undo redo | bold italic',
  })
  .then((editors) => editors[0]!);

let current = LETTERS[0]!;

async function show(letter: Letter): Promise<void> {
  current = letter;
  const person = PEOPLE[letter.id];
  for (const button of document.querySelectorAll<HTMLButtonElement>('#clinic-list button')) {
    button.setAttribute('aria-current', String(button.dataset.letter === letter.id));
  }
  $('banner').innerHTML = '';
  const name = document.createElement('strong');
  name.textContent = person?.name ?? letter.title;
  const details = document.createElement('span');
  details.textContent = `Born ${person?.born ?? '—'} · NHS number 000 000 0000 · ${letter.title}`;
  $('banner').append(name, details);
  $('summary').textContent = letter.summary;
  textarea.value = letter.before;
  notes.value = person?.note ?? '';
  (await ckeditor).setData(paragraphsHtml(letter.before));
  (await tiny).setContent(paragraphsHtml(letter.before));
  $('after').hidden = true;
  $('show-after').textContent = 'Show the letter rewritten';
  $('after-text').textContent = letter.after;
}

for (const letter of LETTERS) {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.letter = letter.id;
  const person = PEOPLE[letter.id];
  button.textContent = person?.name ?? letter.title;
  const clinic = document.createElement('small');
  clinic.textContent = person?.clinic ?? '';
  button.append(clinic);
  button.addEventListener('click', () => void show(letter));
  item.append(button);
  $('clinic-list').append(item);
}

$<HTMLSelectElement>('editor-choice').addEventListener('change', (event) => {
  const chosen = (event.target as HTMLSelectElement).value;
  for (const panel of document.querySelectorAll<HTMLElement>('.editor')) {
    panel.hidden = panel.dataset.editor !== chosen;
  }
});

$('show-after').addEventListener('click', () => {
  const after = $('after');
  after.hidden = !after.hidden;
  $('show-after').textContent = after.hidden
    ? 'Show the letter rewritten'
    : 'Hide the rewritten letter';
});

for (const tab of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
      const on = other === tab;
      other.setAttribute('aria-selected', String(on));
      $(other.getAttribute('aria-controls')!).hidden = !on;
    }
  });
}

/** For the tests and the launcher: resolves once every editor holds the first letter. */
(window as Window & { demoReady?: Promise<void> }).demoReady = show(current);
