// The title and short explanation at the top of each Code app screen; the title takes focus when the screen changes.
import { Show } from 'solid-js';

export function ScreenHead(props: { title: string; intro?: string }) {
  return (
    <div class="screen-head">
      <h2 class="screen-title" tabindex="-1">{props.title}</h2>
      <Show when={props.intro}>
        <p class="screen-intro">{props.intro}</p>
      </Show>
    </div>
  );
}
