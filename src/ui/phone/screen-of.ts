// Narrows the app's screen to one kind, for <Match when={...}> to hand the screen's data to its component.
import type { AppScreen } from '../../domain';

export type ScreenOf<K extends AppScreen['kind']> = Extract<AppScreen, { kind: K }>;

/** The screen when it is of this kind, else false. */
export function screenOf<K extends AppScreen['kind']>(screen: AppScreen, kind: K): ScreenOf<K> | false {
  // TypeScript does not narrow a union by a generic discriminant; the kind was just compared.
  return screen.kind === kind ? (screen as ScreenOf<K>) : false;
}
