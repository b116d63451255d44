// The scenario step the moment shown belongs to, with its narration and the trainer's note, when the sandbox was opened from a scenario.
import { Show } from 'solid-js';
import type { TimelineModel } from './create-timeline';
import { NoteIcon } from './timeline-filters';
import { useI18n } from '../i18n/i18n-provider';
import { noteIn } from '../sandbox/scenario-narration';
import type { TrainerNote } from '../sandbox/scenario-narration';
import type { UiText } from '../../i18n/ui-text';

/** A trainer's note in the language shown, or in the other one, marked as such (and tagged with its language). Without `heading`, the text alone: the caller labels it. */
export function TrainerNoteText(props: { note: TrainerNote | null; heading?: boolean }) {
  const { t, lang } = useI18n();
  const shown = () => noteIn(props.note, lang());
  return (
    <Show when={shown()}>
      {(note) => (
        <div class="tl-note">
          <Show when={props.heading !== false}>
            <p class="tl-note-head"><NoteIcon /> {noteLabel(note().fallback, t())}</p>
          </Show>
          <p lang={note().fallback ? (lang() === 'en' ? 'nb' : 'en') : undefined}>{note().text}</p>
          <Show when={props.heading === false && note().fallback}><p class="tl-note-lang">{t().links.noteOnlyIn}</p></Show>
        </div>
      )}
    </Show>
  );
}

/** "Trainer's note", or that it is written in the other language only. */
export function noteLabel(fallback: boolean, words: UiText): string {
  return fallback ? words.links.noteOtherLanguage : words.links.note;
}

export function Narration(props: { model: TimelineModel }) {
  const { t, lang } = useI18n();
  const step = () => props.model.stepAt(props.model.position());
  return (
    <Show when={step()}>
      {(current) => (
        <section class="tl-narration" aria-label={t().timeline.narration}>
          <strong>{t().timeline.stepOf(current().index + 1, current().action)}</strong>
          <Show when={current().narration}>{(words) => <p>{words()[lang()]}</p>}</Show>
          <TrainerNoteText note={current().note} />
        </section>
      )}
    </Show>
  );
}
