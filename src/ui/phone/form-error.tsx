// A refusal from the domain shown in the app's style, next to the form that caused it.
import { ErrorAlert } from '../common/error-alert';

export function FormError(props: { message: string | null }) {
  return <ErrorAlert message={props.message} class="app-error" />;
}
