// Editing the world from the lab: add an organization, a directory entry, a person with a phone, another phone, an administrator.
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { createCommand } from '../sandbox/create-command';
import { useI18n } from '../i18n/i18n-provider';
import type { Role, WorldCommand } from '../../domain';
import { ROLES } from '../../domain';
import { addOrgCommands, addPersonCommands, addPhoneCommands, addLabAdminCommands } from '../../runtime/world-edits';

function Form(props: { title: string; onSubmit: () => Promise<boolean>; children: JSX.Element; error: string | null }) {
  const { t } = useI18n();
  const [done, setDone] = createSignal(false);
  return (
    <form
      class="editor-form"
      aria-label={props.title}
      onSubmit={async (event) => {
        event.preventDefault();
        const ok = await props.onSubmit();
        setDone(ok);
        if (ok) event.currentTarget.reset();
      }}
    >
      <h3>{props.title}</h3>
      {props.children}
      <button type="submit" class="primary">{t().add}</button>
      <Show when={props.error}>
        <p class="error" role="alert">{props.error}</p>
      </Show>
      <Show when={done() && !props.error}>
        <p class="note" role="status">{t().added}</p>
      </Show>
    </form>
  );
}

/** Runs commands in order and stops at the first refusal. */
async function runAll(command: ReturnType<typeof createCommand>, commands: WorldCommand[]): Promise<boolean> {
  for (const next of commands) if (!(await command.run(next))) return false;
  return true;
}

export function WorldEditor() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const world = () => sandbox.world();
  const orgs = () => Object.values(world().server.orgs);
  const org = createCommand();
  const entry = createCommand();
  const person = createCommand();
  const admin = createCommand();
  const phone = createCommand();
  const people = () => Object.values(world().people);
  const firstPerson = () => people()[0]?.id ?? '';
  const [phonePerson, setPhonePerson] = createSignal('');
  const [phoneLabel, setPhoneLabel] = createSignal('');

  const [orgName, setOrgName] = createSignal('');
  const [orgOffline, setOrgOffline] = createSignal(true);
  const [entryOrg, setEntryOrg] = createSignal('');
  const [entryDir, setEntryDir] = createSignal('');
  const [entryUser, setEntryUser] = createSignal('');
  const [entryMobile, setEntryMobile] = createSignal('');
  const [entryAppId, setEntryAppId] = createSignal('');
  const [personName, setPersonName] = createSignal('');
  const [personMobile, setPersonMobile] = createSignal('');
  const [adminOrg, setAdminOrg] = createSignal('');
  const [adminUser, setAdminUser] = createSignal('');
  const [adminName, setAdminName] = createSignal('');
  const [adminRole, setAdminRole] = createSignal<Role>('HELPDESK');

  const directoriesOf = (orgId: string) => world().server.orgs[orgId]?.directories ?? [];
  const firstOrg = () => orgs()[0]?.id ?? '';

  return (
    <div class="world-editor">
      <Form
        title={t().addOrg}
        error={org.error()}
        onSubmit={() => {
          return runAll(org, addOrgCommands(world(), orgName(), orgOffline()));
        }}
      >
        <label>{t().orgName}<input required maxLength={80} value={orgName()} onInput={(e) => setOrgName(e.currentTarget.value)} /></label>
        <label class="check"><input type="checkbox" checked={orgOffline()} onChange={(e) => setOrgOffline(e.currentTarget.checked)} />{t().offlineAllowed}</label>
      </Form>

      <Form
        title={t().addEntry}
        error={entry.error()}
        onSubmit={() => {
          const orgId = entryOrg() || firstOrg();
          const directoryId = entryDir() || directoriesOf(orgId)[0]?.id || '';
          const fields: { username: string; mobile?: string; appId?: string } = { username: entryUser() };
          if (entryMobile().trim()) fields.mobile = entryMobile();
          if (entryAppId().trim()) fields.appId = entryAppId().trim();
          return runAll(entry, [{ type: 'AddDirectoryEntry', orgId, directoryId, entry: fields }]);
        }}
      >
        <label>{t().organization}
          <select value={entryOrg() || firstOrg()} onChange={(e) => { setEntryOrg(e.currentTarget.value); setEntryDir(''); }}>
            <For each={orgs()}>{(o) => <option value={o.id}>{o.name}</option>}</For>
          </select>
        </label>
        <label>{t().directory}
          <select value={entryDir() || directoriesOf(entryOrg() || firstOrg())[0]?.id || ''} onChange={(e) => setEntryDir(e.currentTarget.value)}>
            <For each={directoriesOf(entryOrg() || firstOrg())}>{(d) => <option value={d.id}>{d.name} ({d.kind})</option>}</For>
          </select>
        </label>
        <label>{t().username}<input required maxLength={64} value={entryUser()} onInput={(e) => setEntryUser(e.currentTarget.value)} /></label>
        <label>{t().mobileNumber}<input type="tel" value={entryMobile()} onInput={(e) => setEntryMobile(e.currentTarget.value)} /></label>
        <label>{t().appIdOptional}<input inputMode="numeric" value={entryAppId()} onInput={(e) => setEntryAppId(e.currentTarget.value)} /></label>
      </Form>

      <Form
        title={t().addPerson}
        error={person.error()}
        onSubmit={() => {
          return runAll(person, addPersonCommands(world(), personName(), personMobile()));
        }}
      >
        <label>{t().personName}<input required maxLength={80} value={personName()} onInput={(e) => setPersonName(e.currentTarget.value)} /></label>
        <label>{t().mobileNumber}<input required type="tel" value={personMobile()} onInput={(e) => setPersonMobile(e.currentTarget.value)} /></label>
      </Form>

      <Form
        title={t().addPhone}
        error={phone.error()}
        onSubmit={() => {
          const personId = phonePerson() || firstPerson();
          return runAll(phone, addPhoneCommands(world(), personId, phoneLabel()));
        }}
      >
        <label>{t().person}
          <select value={phonePerson() || firstPerson()} onChange={(e) => setPhonePerson(e.currentTarget.value)}>
            <For each={people()}>{(p) => <option value={p.id}>{p.name} ({p.mobile})</option>}</For>
          </select>
        </label>
        <label>{t().phoneLabel}<input maxLength={40} value={phoneLabel()} onInput={(e) => setPhoneLabel(e.currentTarget.value)} /></label>
      </Form>

      <Form
        title={t().addAdmin}
        error={admin.error()}
        onSubmit={() => {
          const orgId = adminOrg() || firstOrg();
          return runAll(admin, addLabAdminCommands(world(), orgId, adminUser(), adminName(), adminRole()));
        }}
      >
        <label>{t().organization}
          <select value={adminOrg() || firstOrg()} onChange={(e) => setAdminOrg(e.currentTarget.value)}>
            <For each={orgs()}>{(o) => <option value={o.id}>{o.name}</option>}</For>
          </select>
        </label>
        <label>{t().username}<input required maxLength={80} value={adminUser()} onInput={(e) => setAdminUser(e.currentTarget.value)} /></label>
        <label>{t().personName}<input required maxLength={80} value={adminName()} onInput={(e) => setAdminName(e.currentTarget.value)} /></label>
        <label>{t().role}
          <select value={adminRole()} onChange={(e) => setAdminRole(e.currentTarget.value as Role)} /* the options are exactly ROLES */>
            <For each={ROLES}>{(r) => <option value={r}>{r}</option>}</For>
          </select>
        </label>
      </Form>
    </div>
  );
}
