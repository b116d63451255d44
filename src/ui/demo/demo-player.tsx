// The demo player (loaded the first time a demo is shown): a scenario's steps played one at a time on the open sandbox
// at a chosen pace. Before a step runs, its caption (the narration, or the action's summary) shows with the screen that
// acts outlined; then the step runs through the step loop, like the runner's; its result is held a moment; then the next.
// Pause, resume, one step at a time, hand over to live use. The player decides nothing about the world: every step is
// the scenario's, sent through `drive`, and a step that does not go as the scenario says pauses the demo with why.
import { batch, createEffect, createSignal, For, onCleanup, onMount, Show, untrack } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { presenter } from '../lab/presenter';
import { showPhone } from '../phone/shown-phone';
import { showAdmin } from '../manager/shown-admin';
import { addNarratedStep } from '../sandbox/scenario-narration';
import { parseScenarioFile } from '../../scenario/gherkin';
import { stepsLoop, actorOf } from '../../scenario/run';
import type { StepOutcome } from '../../scenario/run';
import { actionSpec } from '../../scenario/actions';
import { StepError } from '../../scenario/resolve';
import { stepLine } from '../../scenario/cli/describe';
import type { Step } from '../../scenario/format';
import type { WorldState } from '../../domain';
import { demoSession, saveDemo, endDemo, takeStartedNow, PACES, PACE_MS } from './demo-session';
import type { DemoSession, Pace } from './demo-session';
import './demo.css';

type Phase = 'waiting' | 'running' | 'ran' | 'done';

/** Who acts in a step, as the caption names them, and which part of the page is theirs. */
type Acting =
  | { kind: 'phone'; phoneId: string | null; label: string }
  | { kind: 'admin'; adminId: string | null; username: string; org: string }
  | { kind: 'loginPage'; server: string; org: string }
  | { kind: 'lab' }
  | { kind: 'none' };

/** The step's actor found in the world; when it cannot be found (the step will say why), its words as written. */
function actingIn(step: Step, world: WorldState): Acting {
  try {
    const actor = actorOf(step, world);
    switch (actor.kind) {
      case 'phone': return { kind: 'phone', phoneId: actor.phone.id, label: actor.phone.label };
      case 'admin': return { kind: 'admin', adminId: actor.admin.id, username: actor.admin.username, org: actor.org.name };
      case 'loginPage': return { kind: 'loginPage', server: actor.server.name, org: actor.org.name };
      case 'lab': return { kind: 'lab' };
      case 'none': return { kind: 'none' };
    }
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    // The step schema allows exactly these shapes for `actor` (format.ts, ACTOR_SCHEMAS).
    const raw = ('actor' in step ? step.actor : undefined) as { phone?: string; admin?: string; loginPage?: string; org?: string } | 'lab' | undefined;
    if (raw === 'lab') return { kind: 'lab' };
    if (raw?.phone !== undefined) return { kind: 'phone', phoneId: null, label: raw.phone };
    if (raw?.admin !== undefined) return { kind: 'admin', adminId: null, username: raw.admin, org: raw.org ?? '' };
    if (raw?.loginPage !== undefined) return { kind: 'loginPage', server: raw.loginPage, org: raw.org ?? '' };
    return { kind: 'none' };
  }
}

/** The part of the page that acts: a pane, or the lab bar (the presenter's strip when the lab bar is hidden). */
function actingElement(acting: Acting, labHidden: boolean): HTMLElement | null {
  const selector = { phone: '#pane-phone', admin: '#pane-manager', loginPage: '#pane-login', lab: labHidden ? '.presenter-strip' : 'section.lab', none: null }[acting.kind];
  return selector ? document.querySelector<HTMLElement>(selector) : null;
}

const NARROW = '(max-width: 900px)';

export default function DemoPlayer() {
  const sandbox = useSandbox();
  const { t, lang } = useI18n();
  // Mounted only while this tab's demo is on the open sandbox (demo-host.tsx), so there is a session: hence the cast.
  const started = untrack(demoSession) as DemoSession;
  const sandboxId = started.sandboxId;
  const parsed = parseScenarioFile(started.fileName, started.text);
  const loaded = parsed.ok ? (parsed.scenarios.find((candidate) => candidate.id === started.caseId) ?? parsed.scenarios[0]) : undefined;
  if (!loaded) {
    // The stored file was checked when the demo started; should it not read now, there is nothing to play.
    queueMicrotask(endDemo);
    return null;
  }
  const steps = loaded.scenario.steps;
  const total = steps.length;
  const fresh = takeStartedNow(sandboxId);

  const startAt = (): { index: number; phase: Phase } => {
    if (started.held && started.next > 0) return { index: Math.min(started.next, total) - 1, phase: 'ran' };
    if (started.next >= total) return { index: total - 1, phase: 'done' };
    return { index: started.next, phase: 'waiting' };
  };
  const first = startAt();
  const [index, setIndex] = createSignal(first.index);
  const [phase, setPhase] = createSignal<Phase>(first.phase);
  // After a reload the demo waits, paused at the same step, for the presenter.
  const [paused, setPaused] = createSignal(fresh ? started.paused : true);
  const [pace, setPace] = createSignal<Pace>(started.pace);
  const [acting, setActing] = createSignal<Acting>({ kind: 'none' });
  const [failure, setFailure] = createSignal<StepOutcome | null>(null);
  const [stopped, setStopped] = createSignal<string | null>(null);
  const [countdown, setCountdown] = createSignal<{ total: number; left: number; frozen: boolean; key: number } | null>(null);
  let kept = new Map<string, string>(started.kept);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deadline = 0;
  let phaseTotal = 0;
  /** Time left of the wait when it was paused; the wait goes on from there. */
  let leftover: number | null = null;
  let ticket = 0;
  let disposed = false;

  const step = (): Step | undefined => steps[index()];

  const persist = () => {
    if (disposed) return;
    const p = phase();
    const next = p === 'ran' ? index() + 1 : p === 'done' ? total : index();
    saveDemo({ ...started, next, held: p === 'ran', kept: [...kept], pace: pace(), paused: paused() });
  };

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** While playing, waits out the current phase (the caption before a step, the result after it), then moves on. */
  const schedule = () => {
    clearTimer();
    const p = phase();
    if (paused() || disposed || (p !== 'waiting' && p !== 'ran')) return;
    const full = p === 'waiting' ? PACE_MS[pace()] : PACE_MS[pace()] / 2;
    const left = Math.min(leftover ?? full, full);
    leftover = null;
    phaseTotal = full;
    deadline = Date.now() + left;
    setCountdown({ total: full, left, frozen: false, key: ++ticket });
    timer = setTimeout(() => {
      timer = undefined;
      setCountdown(null);
      if (phase() === 'waiting') void runCurrent();
      else if (phase() === 'ran') enterStep(index() + 1);
    }, left);
  };

  /** The screen that acts shows who acts: their phone on the phone pane, Manager signed in as the administrator (UI state, as a person would). */
  const bringForward = (who: Acting) => {
    if (who.kind === 'phone' && who.phoneId) showPhone(who.phoneId);
    if (who.kind === 'admin' && who.adminId) showAdmin(sandboxId, who.adminId);
  };

  /** Shows step i: its caption, who acts (their phone on the phone pane), then waits before running it. */
  const enterStep = (i: number) => {
    clearTimer();
    leftover = null;
    if (i >= total) {
      batch(() => {
        setIndex(total - 1);
        setPhase('done');
        setCountdown(null);
      });
      persist();
      return;
    }
    const next = steps[i];
    const who = next ? actingIn(next, untrack(sandbox.world)) : ({ kind: 'none' } as const);
    batch(() => {
      setIndex(i);
      setPhase('waiting');
      setActing(who);
      setFailure(null);
    });
    bringForward(who);
    persist();
    schedule();
  };

  const pauseWith = (why: string | null) => {
    batch(() => {
      setPaused(true);
      setStopped(why);
    });
    persist();
  };

  /** Runs the step on screen through the step loop, on this sandbox only. */
  const runCurrent = async () => {
    clearTimer();
    setCountdown(null);
    leftover = null;
    const i = index();
    const current = steps[i];
    if (!current || phase() !== 'waiting') return;
    if (sandbox.info().id !== sandboxId) return pauseWith(t().demo.otherSandbox);
    if (sandbox.replay()) return pauseWith(t().timeline.refused);
    setPhase('running');
    let outcome: StepOutcome | undefined;
    try {
      const run = await sandbox.drive(
        stepsLoop([current], { state: sandbox.world(), now: sandbox.now() }, { lang: lang(), kept, firstIndex: i }),
        () => {
          // Should another sandbox be opened meanwhile, not one more command goes to it.
          if (sandbox.info().id !== sandboxId) throw new Error(t().demo.otherSandbox);
        },
      );
      kept = run.kept;
      outcome = run.steps[0];
    } catch (error) {
      if (disposed) return;
      setPhase('waiting');
      return pauseWith(error instanceof Error ? error.message : String(error));
    }
    if (outcome) addNarratedStep(sandboxId, outcome);
    if (disposed) return;
    const failed = outcome && outcome.status !== 'passed' ? outcome : null;
    batch(() => {
      setPhase('ran');
      setFailure(failed);
      if (failed) setPaused(true);
    });
    persist();
    schedule();
  };

  const pause = () => {
    if (paused()) return;
    if (timer !== undefined) {
      leftover = Math.max(0, deadline - Date.now());
      clearTimer();
      const shown = countdown();
      if (shown) setCountdown({ ...shown, left: leftover, frozen: true });
    }
    pauseWith(null);
  };

  const resume = () => {
    batch(() => {
      setPaused(false);
      setStopped(null);
      setFailure(null);
    });
    persist();
    schedule();
  };

  /** Runs the next step now (the one on screen, or the one after a step that ran), playing or paused. */
  const nextStep = () => {
    const p = phase();
    if (p === 'running' || p === 'done') return;
    setStopped(null);
    if (p === 'ran') {
      enterStep(index() + 1);
      if (phase() !== 'waiting') return;
    }
    void runCurrent();
  };

  const choosePace = (next: Pace) => {
    const before = phaseTotal;
    setPace(next);
    persist();
    if (timer !== undefined) {
      // The time already spent on this caption counts; the rest is what the new pace leaves.
      const spent = before - Math.max(0, deadline - Date.now());
      leftover = Math.max(0, (phase() === 'waiting' ? PACE_MS[next] : PACE_MS[next] / 2) - spent);
      schedule();
    } else if (leftover !== null) {
      leftover = null;
      setCountdown(null);
    }
  };

  const handOver = () => endDemo();

  const close = () => {
    const back = started.returnTo;
    endDemo();
    if (back && back !== sandboxId && sandbox.sandboxes().some((row) => row.id === back)) void sandbox.switchTo(back);
  };

  onMount(() => {
    const current = steps[index()];
    if (phase() !== 'done' && current) {
      const who = actingIn(current, untrack(sandbox.world));
      setActing(who);
      bringForward(who);
    }
    persist();
    schedule();
  });

  onCleanup(() => {
    disposed = true;
    clearTimer();
  });

  const actorText = (who: Acting): string => {
    const words = t().demo.actor;
    switch (who.kind) {
      case 'phone': return words.phone(who.label);
      case 'admin': return words.admin(who.username, who.org);
      case 'loginPage': return words.loginPage(who.server, who.org);
      case 'lab': return words.lab;
      case 'none': return words.none;
    }
  };

  /** The pane that acts, whose label hangs from the top of the caption bar right below it. */
  const actingPane = (): 'phone' | 'manager' | 'login' | null => {
    if (phase() === 'done') return null;
    return ({ phone: 'phone', admin: 'manager', loginPage: 'login', lab: null, none: null } as const)[acting().kind];
  };

  // The screen that acts: outlined (and the lab bar labelled) while its step is on screen.
  createEffect(() => {
    if (phase() === 'done') return;
    const who = acting();
    const element = actingElement(who, presenter.labHidden());
    if (!element) return;
    const label = actorText(who);
    element.classList.add('demo-acting');
    element.setAttribute('data-demo-acting', label);
    // On a narrow screen one pane shows at a time: the acting one comes forward.
    if (element.id.startsWith('pane-') && matchMedia(NARROW).matches) document.getElementById(element.id.replace('pane-', 'tab-'))?.click();
    onCleanup(() => {
      element.classList.remove('demo-acting');
      element.removeAttribute('data-demo-acting');
    });
  });

  const caption = (): string => {
    if (phase() === 'done') return t().demo.over;
    const current = step();
    if (!current) return '';
    return current.narration?.[lang()] || actionSpec(current.action)?.summary[lang()] || current.action;
  };

  /** Playing or paused; the end once every step ran. */
  const stateWord = (): string => (phase() === 'done' ? t().demo.ran : paused() ? t().demo.paused : t().demo.playing);
  /** Where the step on screen is: running, or done (its result on the screens). */
  const stepWord = (): string | null => (phase() === 'running' ? t().demo.running : phase() === 'ran' ? (failure() ? t().demo.notAsWritten : t().demo.ran) : null);

  const failureLines = (outcome: StepOutcome): string[] => {
    if (outcome.error !== null) return [t().demo.couldNotRun(outcome.error)];
    return outcome.checks.filter((check) => !check.pass).map((check) => t().demo.checkFailed(check.name, check.expected, check.actual));
  };

  return (
    <section class="demo" role="region" aria-label={t().demo.region} classList={{ 'demo-paused': paused(), 'demo-done': phase() === 'done' }}>
      <Show when={countdown()} keyed>
        {(shown) => (
          <div class="demo-countdown" aria-hidden="true">
            <div class="demo-countdown-bar" classList={{ frozen: shown.frozen }} style={{ '--demo-from': String(shown.total ? shown.left / shown.total : 0), '--demo-ms': `${shown.left}ms` }} />
          </div>
        )}
      </Show>
      <div class="demo-tabs">
        <Show when={actingPane()}>{(pane) => <span class={`demo-tab demo-tab-${pane()}`}>{actorText(acting())}</span>}</Show>
      </div>
      <div class="demo-top">
        <p class="demo-meta">
          <strong class="demo-count">{t().demo.stepOf(index() + 1, total)}</strong>
          <span class="demo-state" classList={{ 'demo-state-paused': paused() && phase() !== 'done' }}>{stateWord()}</span>
          <Show when={stepWord()}>{(word) => <span class="demo-phase" classList={{ 'demo-phase-failed': failure() !== null }}>{word()}</span>}</Show>
          <Show when={phase() !== 'done'}>
            <span class="demo-who"><span class="demo-who-label">{t().demo.acts}:</span> {actorText(acting())}</span>
          </Show>
        </p>
        <div class="demo-controls">
          <Show when={phase() !== 'done'}>
            <Show
              when={paused()}
              fallback={<button type="button" class="demo-primary" onClick={pause}>{t().demo.pause}</button>}
            >
              <button type="button" class="demo-primary" onClick={resume}>{t().demo.resume}</button>
            </Show>
            <button type="button" onClick={nextStep} disabled={phase() === 'running' || (phase() === 'ran' && index() + 1 >= total)}>{t().demo.next}</button>
          </Show>
          <label class="demo-pace">
            <span>{t().demo.pace}</span>
            <select value={pace()} onChange={(event) => choosePace(PACES.find((p) => p === event.currentTarget.value) ?? 'normal')}>
              <For each={PACES}>{(p) => <option value={p}>{t().demo.paces[p]}</option>}</For>
            </select>
          </label>
          <button type="button" classList={{ 'demo-primary': phase() === 'done' }} onClick={handOver} title={t().demo.handOverHint}>{t().demo.handOver}</button>
          <button type="button" onClick={close} title={t().demo.closeHint}>{t().demo.close}</button>
        </div>
      </div>
      {/* A new caption eases in (unless reduced motion is asked for) and is read out. */}
      <div aria-live="polite">
        <Show when={caption()} keyed>{(text) => <p class="demo-caption">{text}</p>}</Show>
      </div>
      <Show when={phase() !== 'done'} fallback={<p class="demo-line">{t().demo.overText(total)}</p>}>
        <Show when={step()}>{(current) => <p class="demo-line demo-step"><span class="visually-hidden">{t().demo.stepInWords}: </span>{stepLine(current(), lang())}</p>}</Show>
      </Show>
      <Show when={failure()}>
        {(outcome) => (
          <div class="demo-failure" role="alert">
            <strong>{t().demo.failed(outcome().index + 1)}</strong>
            <ul><For each={failureLines(outcome())}>{(line) => <li>{line}</li>}</For></ul>
          </div>
        )}
      </Show>
      <Show when={stopped()}>{(why) => <p class="demo-failure" role="alert">{t().demo.stopped(why())}</p>}</Show>
    </section>
  );
}
